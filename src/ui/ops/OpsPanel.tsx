import { OpsForm } from './OpsForm.tsx';
import { CommandField } from './CommandField.tsx';

export function OpsPanel() {
  return (
    <section className="panel ops" aria-labelledby="ops-title">
      <h2 id="ops-title">Operations</h2>
      <OpsForm />
      <CommandField />
    </section>
  );
}
