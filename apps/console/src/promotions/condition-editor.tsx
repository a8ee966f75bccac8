import { useEffect, useMemo, useState } from 'react';
import { Field } from '../ui/field';
import { type ConditionDraft, type ConditionNode, LEAF_KINDS, LEAF_SHAPES, emptyGroup, emptyLeaf } from './condition-draft';
import { conditionToWire } from './draft-to-wire';
import { ItemsEditor } from './item-filter-editor';
import { jsonEqual } from './json-equal';
import { WireReader } from './wire-to-draft';

interface Props {
  readonly condition: ConditionDraft;
  readonly path: string;
  readonly currency: string;
  readonly errors: ReadonlyMap<string, string>;
  readonly onChange: (condition: ConditionDraft) => void;
}

interface BlockProps extends Omit<Props, 'condition' | 'onChange'> {
  readonly node: ConditionNode;
  readonly onChange: (node: ConditionNode) => void;
  readonly onRemove: () => void;
}

/** What every block offers: negate it (or drop the negation), put a leaf in a group, remove it. */
function BlockActions({ node, onChange, onRemove }: Pick<BlockProps, 'node' | 'onChange' | 'onRemove'>) {
  return (
    <div className="block-actions">
      {node.type === 'not'
        ? <button type="button" onClick={() => onChange(node.child)}>Remove not</button>
        : <button type="button" onClick={() => onChange({ type: 'not', child: node })}>Wrap in not</button>}
      {node.type === 'leaf' || node.type === 'json' ? <button type="button" onClick={() => onChange({ type: 'group', operator: 'all', children: [node] })}>Wrap in group</button> : null}
      <button type="button" onClick={onRemove}>Remove</button>
    </div>
  );
}

function GroupBlock({ node, path, currency, errors, onChange, onRemove }: BlockProps & { readonly node: Extract<ConditionNode, { type: 'group' }> }) {
  const replaceChild = (i: number, child: ConditionNode) => onChange({ ...node, children: node.children.map((c, j) => (j === i ? child : c)) });
  return (
    <div className="condition-group" role="group" aria-label={node.operator === 'all' ? 'All of' : 'Any of'} data-path={path} data-operator={node.operator}>
      <Field label="Match" path={`${path}.${node.operator}`} errors={errors}>
        <select name={`${path}.operator`} value={node.operator} onChange={(e) => onChange({ ...node, operator: e.target.value === 'any' ? 'any' : 'all' })}>
          <option value="all">all of these</option>
          <option value="any">any of these</option>
        </select>
      </Field>
      <ol className="condition-children">
        {node.children.map((child, i) => (
          <li key={i}>
            <ConditionBlock
              node={child}
              path={`${path}.${node.operator}[${i}]`}
              currency={currency}
              errors={errors}
              onChange={(c) => replaceChild(i, c)}
              onRemove={() => onChange({ ...node, children: node.children.filter((_, j) => j !== i) })}
            />
          </li>
        ))}
      </ol>
      <div className="group-actions">
        <button type="button" onClick={() => onChange({ ...node, children: [...node.children, emptyLeaf()] })}>Add condition</button>
        <button type="button" onClick={() => onChange({ ...node, children: [...node.children, emptyGroup(node.operator === 'all' ? 'any' : 'all')] })}>Add group</button>
      </div>
      <BlockActions node={node} onChange={onChange} onRemove={onRemove} />
    </div>
  );
}

function LeafBlock({ node, path, currency, errors, onChange, onRemove }: BlockProps & { readonly node: Extract<ConditionNode, { type: 'leaf' }> }) {
  const shape = LEAF_SHAPES[node.kind];
  const valuePath = shape.valueKey === null ? `${path}.${node.kind}` : `${path}.${node.kind}.${shape.valueKey}`;
  return (
    <div className="condition-leaf" data-path={path} data-kind={node.kind}>
      <div className="row">
        <Field label="Check" path={`${path}.kind`} errors={errors}>
          <select name={`${path}.kind`} value={node.kind} onChange={(e) => onChange({ ...node, kind: LEAF_KINDS.find((k) => k === e.target.value) ?? node.kind })}>
            {LEAF_KINDS.map((kind) => <option key={kind} value={kind}>{LEAF_SHAPES[kind].label}</option>)}
          </select>
        </Field>
        <Field label={shape.money ? `${shape.valueLabel} (${currency})` : shape.valueLabel} path={valuePath} errors={errors}>
          <input name={valuePath} value={node.value} onChange={(e) => onChange({ ...node, value: e.target.value })} />
        </Field>
      </div>
      {shape.hasItems ? <ItemsEditor items={node.items} currency={currency} path={`${path}.${node.kind}.items`} errors={errors} onChange={(items) => onChange({ ...node, items })} /> : null}
      <BlockActions node={node} onChange={onChange} onRemove={onRemove} />
    </div>
  );
}

function ConditionBlock(props: BlockProps) {
  const { node, path, errors, onChange, onRemove } = props;
  switch (node.type) {
    case 'group':
      return <GroupBlock {...props} node={node} />;
    case 'leaf':
      return <LeafBlock {...props} node={node} />;
    case 'not':
      return (
        <div className="condition-not" role="group" aria-label="Not" data-path={path}>
          <span className="not-label">Not:</span>
          <ConditionBlock {...props} node={node.child} path={`${path}.not`} onChange={(child) => onChange({ ...node, child })} />
          <BlockActions node={node} onChange={onChange} onRemove={onRemove} />
        </div>
      );
    case 'json':
      return (
        <div className="condition-json" data-path={path}>
          <Field label="Condition (JSON: parts the blocks cannot show)" path={path} errors={errors}>
            <textarea name={`${path}.json`} rows={4} value={node.json} onChange={(e) => onChange({ ...node, json: e.target.value })} />
          </Field>
          <BlockActions node={node} onChange={onChange} onRemove={onRemove} />
        </div>
      );
  }
}

function sameDocument(a: string, b: string): boolean {
  try {
    return jsonEqual(a.trim() === '' ? null : JSON.parse(a), b.trim() === '' ? null : JSON.parse(b));
  } catch {
    return false;
  }
}

/** The advanced view: the same condition as the engine's JSON; an edit that parses replaces the blocks. */
function ConditionJson({ condition, path, currency, onChange }: Omit<Props, 'errors'>) {
  const wireText = useMemo(() => {
    const { value } = conditionToWire(condition, path, currency);
    return value === undefined ? '' : JSON.stringify(value, null, 2);
  }, [condition, path, currency]);
  const [text, setText] = useState(wireText);
  const [error, setError] = useState<string | null>(null);
  // Keeps the merchant's own layout while it says the same as the blocks; shows the blocks' JSON once they differ.
  useEffect(() => setText((current) => (sameDocument(current, wireText) ? current : wireText)), [wireText]);
  const edit = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = next.trim() === '' ? undefined : JSON.parse(next);
      setError(null);
      onChange(new WireReader(currency).condition(parsed));
    } catch {
      setError('This JSON does not parse; the blocks keep the last condition that did.');
    }
  };
  return (
    <details className="condition-advanced">
      <summary>Advanced: the condition as JSON</summary>
      <Field label="Condition JSON (empty: always)" path={`${path}(json)`} errors={new Map(error === null ? [] : [[`${path}(json)`, error]])}>
        <textarea name={`${path}(json)`} rows={8} value={text} onChange={(e) => edit(e.target.value)} />
      </Field>
    </details>
  );
}

/** A rule's condition (P3) as blocks: nested all / any / not groups and a leaf per condition kind of the engine. */
export function ConditionEditor({ condition, path, currency, errors, onChange }: Props) {
  return (
    <fieldset className="condition" data-path={path}>
      <legend>When</legend>
      {errors.has(path) ? <span className="field-error" role="alert" data-error-for={path}>{errors.get(path)}</span> : null}
      {condition === null ? (
        <div className="condition-none">
          <p>Always (no condition).</p>
          <div className="group-actions">
            <button type="button" onClick={() => onChange(emptyLeaf())}>Add condition</button>
            <button type="button" onClick={() => onChange(emptyGroup())}>Add group</button>
          </div>
        </div>
      ) : (
        <ConditionBlock node={condition} path={path} currency={currency} errors={errors} onChange={onChange} onRemove={() => onChange(null)} />
      )}
      <ConditionJson condition={condition} path={path} currency={currency} onChange={onChange} />
    </fieldset>
  );
}
