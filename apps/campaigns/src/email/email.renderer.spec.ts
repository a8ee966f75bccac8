import type { EmailTemplate } from '../campaigns/campaign-definition';
import { EmailRenderer } from './email.renderer';
import type { EmailVariables } from './email-variables';
import { LiquidRenderer } from './liquid.renderer';
import { MjmlCompiler } from './mjml.compiler';
import type { RenderedCode } from './template.renderer';

const twoLines: EmailVariables = {
  customer: { id: 'cu-1', email: 'ann@example.test' },
  campaign: { id: 'winback' },
  unsubscribeUrl: 'https://campaigns.example.test/v1/unsubscribe?email=ann%40example.test&sig=s',
  cart: {
    id: 'cart-1',
    currency: 'USD',
    total: '$45.00',
    lines: [
      { name: 'Trail shoe', sku: 'SKU-1', quantity: 2, unitPrice: '$12.50', linePrice: '$25.00', imageUrl: 'https://cdn.example.test/shoe.png' },
      { name: 'Wool <script>alert(1)</script> socks', sku: 'SKU-2', quantity: 1, unitPrice: '$20.00', linePrice: '$20.00', imageUrl: null },
    ],
    recoveryUrl: 'https://campaigns.example.test/v1/links/e1?to=x&sig=y',
  },
};

const codes = new Map<string, RenderedCode>([
  ['first:WINBACK', { code: 'WINBACK-7K2Q', link: 'https://shop.example.test/c?code=WINBACK-7K2Q' }],
  ['reissue:NONE', { code: null, link: null }],
]);

describe('EmailRenderer', () => {
  const renderer = new EmailRenderer(new LiquidRenderer(), new MjmlCompiler());

  describe('a plain template (stored before #25)', () => {
    // The templates of the campaigns tests (storefront-day, code-macros), with the output they have always had.
    const template: EmailTemplate = {
      subject: 'You left {{cart.total}} in your cart',
      text: "Hi {{customer.email}}\n{{cart.lines}}\nBack to your cart: {{cart.recoveryUrl}}\nCode: {{promocode 'WINBACK'}}. None here: {{last_promocode 'NONE'}}.\nUnsubscribe: {{unsubscribeUrl}}",
    };

    it('renders subject and text byte for byte as before', async () => {
      const email = await renderer.render(template, twoLines, codes);
      expect(email.subject).toBe('You left $45.00 in your cart');
      expect(email.text).toBe(
        'Hi ann@example.test\n' +
          '2 x Trail shoe at $12.50\n' +
          '1 x Wool <script>alert(1)</script> socks at $20.00\n' +
          'Back to your cart: https://campaigns.example.test/v1/links/e1?to=x&sig=y\n' +
          'Code: WINBACK-7K2Q (https://shop.example.test/c?code=WINBACK-7K2Q). None here: .\n' +
          'Unsubscribe: https://campaigns.example.test/v1/unsubscribe?email=ann%40example.test&sig=s',
      );
    });

    it('leaves Liquid syntax in a plain template as written', async () => {
      const email = await renderer.render({ subject: '{% if x %}s{% endif %}', text: '{{ customer.email | upcase }} {{customer.id}}' }, twoLines, codes);
      expect(email.subject).toBe('{% if x %}s{% endif %}');
      expect(email.text).toBe('{{ customer.email | upcase }} cu-1');
    });

    it('gets an HTML alternative: the text escaped, each line, the button and the unsubscribe link', async () => {
      const { html } = await renderer.render(template, twoLines, codes);
      expect(html).toContain('Hi ann@example.test<br />');
      expect(html).toContain('Code: WINBACK-7K2Q (https://shop.example.test/c?code=WINBACK-7K2Q)');
      expect(html).toContain('Trail shoe');
      expect(html).toContain('src="https://cdn.example.test/shoe.png"');
      expect(html).toContain('href="https://campaigns.example.test/v1/links/e1?to=x&amp;sig=y"');
      expect(html).toContain('Return to your cart');
      expect(html).toContain('href="https://campaigns.example.test/v1/unsubscribe?email=ann%40example.test&amp;sig=s"');
      expect(html).toContain('Wool &lt;script&gt;alert(1)&lt;/script&gt; socks');
      expect(html).not.toContain('<script>');
    });
  });

  describe('a Liquid template', () => {
    const template: EmailTemplate = {
      syntax: 'liquid',
      subject: '{{ customer.email | split: "@" | first }}, {{ cart.lines.size }} items wait',
      text: "{% for line in cart.lines %}{{ line.quantity }} × {{ line.name }}: {{ line.linePrice }}\n{% endfor %}{% if cart.lines.size > 1 %}Several items.{% else %}One item.{% endif %} Code: {% promocode 'WINBACK' %}",
      html: "<p>Hello {{ customer.email }}</p>{% for line in cart.lines %}<p>{{ line.name }}</p>{% endfor %}<p>Your code: {% promocode 'WINBACK' %}{% last_promocode 'NONE' %}</p>",
    };

    it('loops over the cart lines and branches in the text, unescaped', async () => {
      const email = await renderer.render(template, twoLines, codes);
      expect(email.subject).toBe('ann, 2 items wait');
      expect(email.text).toBe('2 × Trail shoe: $25.00\n1 × Wool <script>alert(1)</script> socks: $20.00\nSeveral items. Code: WINBACK-7K2Q (https://shop.example.test/c?code=WINBACK-7K2Q)');
    });

    it('escapes every value in the HTML and links the code', async () => {
      const { html } = await renderer.render(template, twoLines, codes);
      expect(html).toContain('<p>Hello ann@example.test</p><p>Trail shoe</p><p>Wool &lt;script&gt;alert(1)&lt;/script&gt; socks</p>');
      expect(html).toContain('<p>Your code: <a href="https://shop.example.test/c?code=WINBACK-7K2Q">WINBACK-7K2Q</a></p>');
      expect(html).not.toContain('<script>');
      expect(html).toContain('>2</td>');
      expect(html).toContain('$25.00');
    });

    it('shows no lines table nor button for an email without a cart (retention)', async () => {
      const { html } = await renderer.render(template, { ...twoLines, cart: null }, codes);
      expect(html).not.toContain('Return to your cart');
      expect(html).toContain('<p>Hello ann@example.test</p>');
    });
  });
});
