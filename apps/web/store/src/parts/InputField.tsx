import { mustGive, type InputSpec } from '../form-values';

/**
 * One input as a form field, generated from its description: an enumeration as a
 * select, a boolean as a switch, a secret as a password field, numbers as numbers;
 * its problem (if any) right under it, tied to it for screen readers.
 */
export function InputField({
  id,
  input,
  value,
  problem,
  onChange,
}: {
  id: string;
  input: InputSpec;
  value: string | boolean;
  problem?: string;
  onChange: (value: string | boolean) => void;
}) {
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hintId, problem ? problemId : ''].filter(Boolean).join(' ');
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined, required: mustGive(input) };
  let control;
  if (input.type === 'boolean') {
    control = <input {...common} type="checkbox" role="switch" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (input.enum && input.enum.length > 0) {
    control = (
      <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {!mustGive(input) && <option value="">(default)</option>}
        {input.enum.map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  } else {
    const type = input.secret ? 'password' : input.type === 'integer' || input.type === 'number' ? 'number' : 'text';
    control = (
      <input
        {...common}
        type={type}
        value={String(value)}
        autoComplete={input.secret ? 'new-password' : 'off'}
        placeholder={input.secret && input.generated ? 'generated if left empty' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field${input.type === 'boolean' ? ' switch' : ''}${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {input.name}
        {mustGive(input) && <span className="required"> (required)</span>}
      </label>
      {control}
      <p id={hintId} className="hint">
        {input.description}
        {input.secret && input.generated ? ' Secret: generated if left empty.' : input.secret ? ' Secret.' : ''}
      </p>
      {problem && (
        <p id={problemId} className="problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
