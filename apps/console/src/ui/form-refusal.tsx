import type { ReactNode } from 'react';
import { ErrorNote } from './error-note';
import type { FormErrors } from './form-errors';

/** Above a form: `fixFields` when a field is marked beside itself, then every refusal that names no field of the form. */
export function FormRefusal({ errors, fixFields }: { errors: FormErrors; fixFields?: ReactNode }) {
  return (
    <>
      {fixFields && Object.keys(errors.byField).length > 0 && (
        <p className="error" role="alert">
          {fixFields}
        </p>
      )}
      {errors.general.map((error, index) => (
        <ErrorNote key={index} error={error} />
      ))}
    </>
  );
}
