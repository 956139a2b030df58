{{/*
Shared names, labels and pod fragments for the gpu-assistant chart.
*/}}

{{/* Chart name, overridable. */}}
{{- define "gpu-assistant.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full resource name: <release>-<chart>, or the release name when it already contains the chart name. */}}
{{- define "gpu-assistant.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart-version label value. */}}
{{- define "gpu-assistant.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the release's pods (all components). */}}
{{- define "gpu-assistant.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gpu-assistant.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Common labels on every object. */}}
{{- define "gpu-assistant.labels" -}}
helm.sh/chart: {{ include "gpu-assistant.chart" . }}
{{ include "gpu-assistant.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gpu-assistant
{{- end }}

{{/* Labels that select the server pods only. */}}
{{- define "gpu-assistant.serverSelectorLabels" -}}
{{ include "gpu-assistant.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/* Service account the server pods run as. */}}
{{- define "gpu-assistant.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "gpu-assistant.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Secret with DATABASE_URL, JWT_SECRET, ...: the ExternalSecret's target, or an existing Secret (may be empty). */}}
{{- define "gpu-assistant.secretName" -}}
{{- if .Values.externalSecret.enabled }}
{{- printf "%s-secrets" (include "gpu-assistant.fullname" .) }}
{{- else }}
{{- .Values.existingSecret }}
{{- end }}
{{- end }}

{{/* Container image reference: repository@digest, or repository:tag (tag defaults to appVersion). */}}
{{- define "gpu-assistant.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* Container port, from config.PORT. */}}
{{- define "gpu-assistant.port" -}}
{{- .Values.config.PORT | default "3000" | int }}
{{- end }}

{{/* Port of the /metrics listener (config.METRICS_PORT), empty when /metrics is served on PORT. */}}
{{- define "gpu-assistant.metricsPort" -}}
{{- with .Values.config.METRICS_PORT }}
{{- if eq (int .) (int (include "gpu-assistant.port" $)) }}
{{- fail (printf "config.METRICS_PORT (%s) must differ from config.PORT" .) }}
{{- end }}
{{- int . }}
{{- end }}
{{- end }}

{{/* Named container port Prometheus scrapes: metrics with METRICS_PORT, else http. */}}
{{- define "gpu-assistant.metricsPortName" -}}
{{- if include "gpu-assistant.metricsPort" . }}metrics{{ else }}http{{ end }}
{{- end }}

{{/* Pod security context shared by the server and the Jobs: never root, default seccomp. */}}
{{- define "gpu-assistant.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurityContext.runAsUser }}
runAsGroup: {{ .Values.podSecurityContext.runAsGroup }}
fsGroup: {{ .Values.podSecurityContext.fsGroup }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container security context shared by the server and the Jobs. */}}
{{- define "gpu-assistant.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Settings from .Values.config as container env entries (empty values are left out = unset). */}}
{{- define "gpu-assistant.configEnv" -}}
{{- range $key, $value := .Values.config }}
{{- if ne (toString $value) "" }}
- name: {{ $key }}
  value: {{ toString $value | quote }}
{{- end }}
{{- end }}
{{- end }}
