import { useEffect, useState } from 'react';
import { describeError } from '../ui/use-async';
import { useStore } from '../settings/store-context';
import type { PromotionBody, PromotionView } from '../api/console-api';
import { moveItem, prioritiesOf } from './reorder';

/**
 * Automatic promotions in the order they apply (P7): drag a row (or use its arrows) and save. "Stop after"
 * means no promotion below it applies when it does; it is saved on the promotion itself.
 */
export function PriorityList({ promotions, onSaved }: { readonly promotions: readonly PromotionView[]; readonly onSaved: () => void }) {
  const store = useStore();
  const [order, setOrder] = useState<readonly PromotionView[]>(promotions);
  const [dragged, setDragged] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setOrder(promotions), [promotions]);
  const changed = order.some((p, i) => promotions[i]?.id !== p.id);

  async function save() {
    try {
      await store.api.pricing.put('/v1/promotion-priorities', { body: { priorities: prioritiesOf(order) } });
      setMessage('Order saved.');
      onSaved();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  async function toggleStopAfter(promotion: PromotionView, stopAfter: boolean) {
    try {
      const path = { id: promotion.id };
      // The promotion as pricing answers it, sent back without what pricing keeps itself.
      const current = await store.api.pricing.get('/v1/promotions/{id}', { path });
      const { status: _s, createdAt: _c, updatedAt: _u, version, ...definition } = current;
      const body: PromotionBody = { ...definition, stopAfter };
      await store.api.pricing.put('/v1/promotions/{id}', { path, body, headers: { 'if-match': `"${version}"` } });
      onSaved();
    } catch (error) {
      setMessage(describeError(error));
    }
  }

  return (
    <section className="priorities" aria-label="Priorities">
      <h2>Priority of automatic promotions</h2>
      <ol className="priority-list">
        {order.map((promotion, index) => (
          <li
            key={promotion.id}
            data-id={promotion.id}
            draggable
            className={dragged === index ? 'dragging' : ''}
            onDragStart={(e) => { setDragged(index); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', promotion.id); }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => { e.preventDefault(); if (dragged !== null) setOrder(moveItem(order, dragged, index)); setDragged(null); }}
            onDragEnd={() => setDragged(null)}
          >
            <span className="handle" aria-hidden>⠿</span>
            <span className="name">{promotion.name ?? promotion.id}</span>
            <span className="status">{promotion.status}</span>
            <label className="stop-after">
              <input type="checkbox" checked={promotion.stopAfter === true} onChange={(e) => void toggleStopAfter(promotion, e.target.checked)} /> stop after
            </label>
            <button type="button" aria-label={`Move ${promotion.id} up`} disabled={index === 0} onClick={() => setOrder(moveItem(order, index, index - 1))}>↑</button>
            <button type="button" aria-label={`Move ${promotion.id} down`} disabled={index === order.length - 1} onClick={() => setOrder(moveItem(order, index, index + 1))}>↓</button>
          </li>
        ))}
      </ol>
      <button type="button" disabled={!changed} onClick={() => void save()}>Save order</button>
      {message === null ? null : <p role="status">{message}</p>}
    </section>
  );
}
