/** Where the email's message goes in the layout: the HTML template of a Liquid campaign, else its text body. */
const MESSAGE_SLOT = '<!-- message -->';

/** The text body as the HTML message: escaped, its line breaks kept. */
export const TEXT_BODY_AS_MESSAGE = '{{ message_text | escape | newline_to_br | raw }}';

/**
 * The default HTML email (#25), MJML with Liquid in it: the message, the cart's lines (image when the
 * event carries one, name, quantity, unit and line price, total), a button back to the cart and the
 * unsubscribe link. MJML compiles it to responsive HTML once per template (MjmlCompiler); Liquid then
 * fills it per email, every value escaped.
 */
const EMAIL_LAYOUT = `<mjml>
  <mj-head>
    <mj-title>{{ subject }}</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="22px" color="#222222" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="24px 0 8px">
      <mj-column>
        <mj-text>${MESSAGE_SLOT}</mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{% if cart and cart.lines.size > 0 %}</mj-raw>
    <mj-section background-color="#ffffff" padding="0 0 24px">
      <mj-column>
        <mj-table font-size="14px" line-height="20px">
          <tr style="border-bottom:1px solid #dddddd;text-align:left">
            <th style="padding:8px 0"></th>
            <th style="padding:8px">Item</th>
            <th style="padding:8px;text-align:right;white-space:nowrap">Qty</th>
            <th style="padding:8px;text-align:right;white-space:nowrap">Price</th>
          </tr>
          {% for line in cart.lines %}
          <tr style="border-bottom:1px solid #eeeeee">
            <td style="width:72px;padding:8px 0">{% if line.imageUrl %}<img src="{{ line.imageUrl }}" alt="{{ line.name }}" width="64" style="display:block;width:64px;height:auto;border:0" />{% endif %}</td>
            <td style="padding:8px">{{ line.name }}<br /><span style="color:#777777;white-space:nowrap">{{ line.unitPrice }} each</span></td>
            <td style="padding:8px;text-align:right;white-space:nowrap">{{ line.quantity }}</td>
            <td style="padding:8px;text-align:right;white-space:nowrap">{{ line.linePrice }}</td>
          </tr>
          {% endfor %}
          <tr>
            <td></td>
            <td style="padding:8px;font-weight:bold">Total</td>
            <td></td>
            <td style="padding:8px;text-align:right;font-weight:bold;white-space:nowrap">{{ cart.total }}</td>
          </tr>
        </mj-table>
        <mj-button href="{{ cart.recoveryUrl }}" background-color="#1a73e8" color="#ffffff" font-size="16px">Return to your cart</mj-button>
      </mj-column>
    </mj-section>
    <mj-raw>{% endif %}</mj-raw>
    <mj-section padding="16px 0">
      <mj-column>
        <mj-text font-size="12px" color="#777777" align="center"><a href="{{ unsubscribeUrl }}" style="color:#777777">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** The layout with `message` (Liquid and HTML) in its message slot. */
export function emailLayoutWith(message: string): string {
  return EMAIL_LAYOUT.replace(MESSAGE_SLOT, () => message);
}
