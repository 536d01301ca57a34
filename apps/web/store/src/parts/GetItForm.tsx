import { useMemo, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { appSpecYaml } from '../app-spec';
import { cliLine } from '../cli-line';
import { downloadBundle, type ArchiveFormat, type Problem } from '../download';
import { initialValues, inputValues, instanceName, mustGive, type FormValues, type InputSpec } from '../form-values';
import { ComposePreviewQuery, ValidateInputsQuery } from '../queries';
import { useDebounced } from '../useDebounced';
import { BundlePreview } from './BundlePreview';
import { CliLine } from './CliLine';
import { InputField } from './InputField';
import { TargetPicker, type TargetName } from './TargetPicker';

/**
 * "Get it": a form generated from the version's inputs (required first, defaults filled
 * in), checked by validateInputs as the user types, then a preview of the bundle and its
 * download through POST /bundle, which checks everything again.
 */
export function GetItForm({
  component,
  version,
  inputs,
  token,
}: {
  component: string;
  version: string;
  inputs: readonly InputSpec[];
  token: string | undefined;
}) {
  const ordered = useMemo(() => [...inputs].sort((a, b) => Number(mustGive(b)) - Number(mustGive(a))), [inputs]);
  const [values, setValues] = useState<FormValues>(() => initialValues(ordered));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [target, setTarget] = useState<TargetName>('compose');
  const [format, setFormat] = useState<ArchiveFormat>('zip');
  const [refused, setRefused] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [preview, setPreview] = useState<{ path: string; content: string }[] | undefined>();
  const client = useClient();
  const sent = useMemo(() => inputValues(ordered, values), [ordered, values]);
  const checked = useDebounced(sent, 300);
  const [{ data }] = useQuery({ query: ValidateInputsQuery, variables: { component, range: version, inputs: checked } });
  const instance = instanceName(component);
  const app = appSpecYaml(instance, { [instance]: { component: `${component}@${version}`, inputs: sent } });
  const secrets = new Set(ordered.filter((i) => i.secret).map((i) => i.name));

  // A field shows its problem once it was edited or the form was submitted; the service's refusal wins over the live check.
  const problems = new Map<string, string>();
  for (const e of data?.validateInputs.errors ?? []) if (submitted || touched.has(e.path)) problems.set(e.path, e.message);
  const elsewhere: Problem[] = [];
  for (const p of refused) {
    const field = p.path.startsWith(`${instance}.inputs.`) ? p.path.slice(`${instance}.inputs.`.length) : p.path;
    if (ordered.some((i) => i.name === field)) problems.set(field, p.message);
    else elsewhere.push(p);
  }

  const change = (name: string, value: string | boolean) => {
    setValues({ ...values, [name]: value });
    setTouched(new Set(touched).add(name));
    setRefused(refused.filter((p) => !p.path.endsWith(`.inputs.${name}`)));
    setPreview(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setStatus('Preparing the download…');
    const found = await downloadBundle(app, target, format, token);
    setRefused(found);
    setStatus(
      found.length > 0
        ? `Not downloaded: ${found.length === 1 ? 'one problem' : `${found.length} problems`} to fix.`
        : `Downloaded bundle-${target}.${format}.`,
    );
  };
  const showPreview = async () => {
    setStatus('Composing the preview…');
    const result = await client.query(ComposePreviewQuery, { app, target: target.toUpperCase() as 'COMPOSE' }, { requestPolicy: 'network-only' }).toPromise();
    const found = (result.error?.graphQLErrors ?? []).flatMap(
      (g) => (g.extensions?.problems as Problem[] | undefined) ?? [{ code: 'ERROR', path: 'app', message: g.message }],
    );
    setSubmitted(true);
    setRefused(found);
    setPreview(result.data?.compose.files);
    setStatus(result.data ? 'Preview ready.' : 'No preview: fix the problems shown.');
  };

  return (
    <form className="get-it" onSubmit={submit} noValidate aria-labelledby="get-it-title">
      <h2 id="get-it-title">Get it</h2>
      <fieldset>
        <legend>Inputs</legend>
        {ordered.map((i) => (
          <InputField
            key={i.name}
            id={`input-${i.name}`}
            input={i}
            value={values[i.name] ?? ''}
            problem={problems.get(i.name)}
            onChange={(v) => change(i.name, v)}
          />
        ))}
      </fieldset>
      {elsewhere.length > 0 && (
        <ul className="problems" role="alert">
          {elsewhere.map((p) => (
            <li key={`${p.path}|${p.message}`}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <TargetPicker target={target} onTarget={setTarget} format={format} onFormat={setFormat} />
      <CliLine line={cliLine(component, version, sent, secrets, target)} />
      <div className="actions">
        <button type="button" onClick={showPreview}>
          Preview files
        </button>
        <button type="submit" className="primary">
          Download {format === 'zip' ? '.zip' : '.tar.gz'}
        </button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {preview && <BundlePreview files={preview} typedSecrets={[...secrets].map((s) => String(values[s] ?? ''))} />}
    </form>
  );
}
