{{/*
Object name of an instance: (list $ "instance"). StatefulSet pods need it at most 52 characters;
the release name is cut, never the instance name (at most 32), so instances never share a name.
*/}}
{{- define "aisle-kit.instanceName" -}}
{{- $instance := index . 1 -}}
{{- printf "%s-%s" ((index . 0).Release.Name | trunc (sub 51 (len $instance) | int)) $instance -}}
{{- end }}

{{/* Labels that select an instance's pods: (list $ "instance" …). */}}
{{- define "aisle-kit.selectorLabels" -}}
app.kubernetes.io/instance: {{ include "aisle-kit.instanceName" . | quote }}
app.kubernetes.io/part-of: {{ (index . 0).Chart.Name | quote }}
{{- end }}

{{/* Recommended labels: (list $ "instance" "component" "version" "aisle"). */}}
{{- define "aisle-kit.labels" -}}
{{ include "aisle-kit.selectorLabels" . }}
app.kubernetes.io/component: {{ index . 4 | quote }}
app.kubernetes.io/managed-by: {{ (index . 0).Release.Service | quote }}
app.kubernetes.io/name: {{ index . 2 | quote }}
app.kubernetes.io/version: {{ index . 3 | quote }}
helm.sh/chart: {{ printf "%s-%s" (index . 0).Chart.Name (index . 0).Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
{{- end }}

{{/* An image reference from {repository, tag, digest}. */}}
{{- define "aisle-kit.image" -}}
{{- printf "%s:%s" .repository (toString .tag) -}}
{{- with index . "digest" }}@{{ . }}{{ end -}}
{{- end }}

{{/*
A user value as a YAML double-quoted string: quote escapes what YAML readers would fold;
"<" is escaped too because Helm deletes every "<no value>" from rendered output.
*/}}
{{- define "aisle-kit.quote" -}}
{{- quote . | replace "<" "\\u003c" -}}
{{- end }}

{{/* encodeURIComponent: urlquery, then space as %20 and !'()* left as they are. */}}
{{- define "aisle-kit.urlencode" -}}
{{- urlquery . | replace "+" "%20" | replace "%21" "!" | replace "%27" "'" | replace "%28" "(" | replace "%29" ")" | replace "%2A" "*" -}}
{{- end }}

{{/*
A secret value: (dict "given" VALUE "previous" BASE64 "generate" RULE "length" N "path" "db.password").
A value given in values wins; else the one the release's Secret already holds, so an upgrade
keeps it; else a fresh one by the component's rule; an input with no rule must be given.
*/}}
{{- define "aisle-kit.secretValue" -}}
{{- if .given -}}
{{- .given -}}
{{- else if .previous -}}
{{- .previous | b64dec -}}
{{- else if eq .generate "password" -}}
{{- randAlphaNum (int .length) -}}
{{- else if eq .generate "hex" -}}
{{- $hex := "" -}}
{{- range until (add1 (div (int .length) 32) | int) -}}{{- $hex = print $hex (uuidv4 | replace "-" "") -}}{{- end -}}
{{- trunc (int .length) $hex -}}
{{- else if eq .generate "uuid" -}}
{{- uuidv4 -}}
{{- else if eq .generate "base64url" -}}
{{- randBytes 16 | replace "+" "-" | replace "/" "_" | trimSuffix "==" -}}
{{- else -}}
{{- fail (printf "%s is required: set it with --set %s=VALUE" .path .path) -}}
{{- end -}}
{{- end }}
