import { parseTimezone, parseLine } from '../../wizard/answers.js';
import { builtInTemplateNames } from '../../render/templates.js';
import type { Settings } from '../../store/settings.js';
import { FormSequence } from '../components/form-sequence.js';
import { suggestZones } from '../questions/zone-suggestions.js';

const OPTIONAL = { path: ['setting'], kind: 'text', label: 'setting', prompt: '', required: false } as const;

/** Defaults for new drafts: author, timezone, template. */
export function SettingsScreen({ settings, onSave, onCancel }: { settings: Settings; onSave(settings: Settings): void; onCancel(): void }) {
  return (
    <FormSequence
      title="Settings for new drafts"
      initial={{ ...settings, keepNames: settings.keepNames ? 'keep' : 'replace' }}
      fields={[
        { key: 'author', kind: 'text', prompt: 'Your name, as the author (Enter to keep, empty to clear)', initial: (v) => (v.author as string | undefined) ?? '', parse: (t) => parseLine(OPTIONAL, t) },
        {
          key: 'timezone',
          kind: 'text',
          prompt: 'Default timezone (empty: the system\'s)',
          initial: (v) => (v.timezone as string | undefined) ?? '',
          parse: (t) => parseTimezone({ ...OPTIONAL, kind: 'timezone' }, t),
          suggest: suggestZones,
        },
        { key: 'template', kind: 'choice', prompt: 'Default template', items: builtInTemplateNames().map((name) => ({ label: name, value: name })) },
        {
          key: 'keepNames',
          kind: 'choice',
          prompt: "People's names in entries added from chat logs",
          items: [
            { label: 'Replace them with their role, or "an engineer" (blameless)', value: 'replace' },
            { label: 'Keep them as written', value: 'keep' },
          ],
        },
      ]}
      onSave={(values) =>
        onSave({ author: values.author as string | undefined, timezone: values.timezone as string | undefined, template: values.template as string | undefined, keepNames: values.keepNames === 'keep' })
      }
      onCancel={onCancel}
    />
  );
}
