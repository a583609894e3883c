import type {
  ImportProvenance,
  ImportRejection,
  ImportedLayer,
  ImportedSource,
} from '../../shared/observatory-evaluation.js';
import type { ApiErrorBody } from '../../shared/types.js';
import { ApiFailure, call } from './api.js';

/** The import's answer: the stored source, or the rows that kept it from being stored. */
export type ImportAnswer =
  { ok: true; source: ImportedSource } | { ok: false; rejection: ImportRejection };

async function failure(res: Response): Promise<ApiFailure> {
  const err = (await res.json().catch(() => null)) as ApiErrorBody | null;
  return new ApiFailure(
    err?.error.code ?? 'internal',
    err?.error.message ?? res.statusText,
    res.status,
    err?.error.field,
  );
}

/** Other sources (server/observatory/sources): list, layer, import (multipart) and delete. */
export const sourcesApi = {
  list: () => call<ImportedSource[]>('GET', '/observatory/sources'),
  layer: (id: string, q: { from?: string; to?: string; area?: string | null } = {}) => {
    const params = new URLSearchParams();
    if (q.from) params.set('from', q.from);
    if (q.to) params.set('to', q.to);
    if (q.area) params.set('area', q.area);
    const query = params.toString();
    return call<ImportedLayer>(
      'GET',
      `/observatory/sources/${encodeURIComponent(id)}/layer${query ? `?${query}` : ''}`,
    );
  },
  async import(provenance: ImportProvenance, file: File): Promise<ImportAnswer> {
    const form = new FormData();
    for (const [k, v] of Object.entries(provenance)) form.set(k, v);
    form.set('file', file, file.name);
    let res: Response;
    try {
      res = await fetch('/api/observatory/sources', {
        method: 'POST',
        credentials: 'same-origin',
        body: form,
      });
    } catch {
      throw new ApiFailure('offline', 'No connection');
    }
    if (res.ok) return { ok: true, source: (await res.json()) as ImportedSource };
    if (res.status === 422) {
      const body = (await res.json().catch(() => null)) as { rejection?: ImportRejection } | null;
      if (body?.rejection) return { ok: false, rejection: body.rejection };
    }
    throw await failure(res);
  },
  async remove(id: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`/api/observatory/sources/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiFailure('offline', 'No connection');
    }
    if (!res.ok) throw await failure(res);
  },
};
