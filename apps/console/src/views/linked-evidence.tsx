import type { ReactNode } from 'react';
import type { LinkedEvidence } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/field';

export const emptyLinked = (): LinkedEvidence => ({ name: '', sha256: '', uri: '' });

async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * v1's evidence, kept elsewhere: typed by hand as name, SHA-256 and URI (the digest may be computed
 * here from a local file). Collapsed, since uploading is the usual way now.
 */
export function LinkedEvidenceFields({
  items,
  onChange,
  errorAt,
}: {
  items: LinkedEvidence[];
  onChange: (items: LinkedEvidence[]) => void;
  errorAt: (index: number, field: keyof LinkedEvidence) => ReactNode;
}) {
  const { t } = useI18n();
  const set = (index: number, change: Partial<LinkedEvidence>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const canHash = typeof crypto !== 'undefined' && !!crypto.subtle;
  const invalid = items.some((_, index) => errorAt(index, 'name') || errorAt(index, 'sha256') || errorAt(index, 'uri'));

  return (
    <details className="linked-evidence" open={invalid || undefined}>
      <summary>{t.upload.linked}</summary>
      {items.map((item, index) => (
        <fieldset key={index} className="evidence">
          <legend>{t.unit.evidenceN(index + 1)}</legend>
          {canHash && (
            <Field label={t.unit.fromFile}>
              <input
                type="file"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void sha256Of(file).then((sha256) => set(index, { sha256, name: item.name || file.name }));
                }}
              />
            </Field>
          )}
          <div className="row">
            <Field label={t.unit.evidenceName} error={errorAt(index, 'name')}>
              <input value={item.name} onChange={(e) => set(index, { name: e.target.value })} />
            </Field>
            <Field label={t.unit.evidenceSha} error={errorAt(index, 'sha256')}>
              <input className="mono" value={item.sha256} onChange={(e) => set(index, { sha256: e.target.value.trim() })} />
            </Field>
            <Field label={t.unit.evidenceUri} error={errorAt(index, 'uri')}>
              <input value={item.uri} onChange={(e) => set(index, { uri: e.target.value })} />
            </Field>
          </div>
          <button type="button" className="link" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            {t.unit.removeEvidence}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, emptyLinked()])}>
        {t.unit.addEvidence}
      </button>
    </details>
  );
}
