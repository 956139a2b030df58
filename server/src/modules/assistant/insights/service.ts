// Admin insights from what the assistant recorded: products shown most, out-of-stock demand,
// questions that found nothing (or nothing within budget), and token use per day. Raw SQL
// (read-only analytics): each report unnests JSON arrays in messages (product_ids,
// meta.outOfStockProductIds) and groups by day in UTC, which the ORM's query builder cannot say.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Insights } from '@gpu/shared';

const LIST_LIMIT = 20;

export class InsightsService {
  constructor(private readonly deps: { em: () => EntityManager }) {}

  async report(days: number): Promise<Insights> {
    const em = this.deps.em();
    const since = new Date(Date.now() - days * 86_400_000);
    const answers = `from messages where role = 'assistant' and finish_reason is not null and created_at >= ?`;

    const topProducts = await em.execute<{ gpu_id: string; name: string; mentions: string }[]>(
      `select t.gpu_id, g.name, count(*)::text as mentions
       from (select unnest(product_ids) as gpu_id ${answers}) t join gpus g on g.id = t.gpu_id
       group by t.gpu_id, g.name order by count(*) desc, g.name limit ?`,
      [since, LIST_LIMIT],
    );
    const outOfStock = await em.execute<{ gpu_id: string; name: string; asks: string }[]>(
      `select t.gpu_id, g.name, count(*)::text as asks
       from (select jsonb_array_elements_text(coalesce(meta->'outOfStockProductIds', '[]'::jsonb))::uuid as gpu_id
             ${answers}) t
       join gpus g on g.id = t.gpu_id
       group by t.gpu_id, g.name order by count(*) desc, g.name limit ?`,
      [since, LIST_LIMIT],
    );
    const overBudget = await em.execute<{ query: string; budget: string | null; created_at: Date | string }[]>(
      `select meta->>'query' as query, meta->>'budget' as budget, created_at ${answers}
       and (meta->>'overBudget')::boolean order by created_at desc limit ?`,
      [since, LIST_LIMIT],
    );
    const zeroResults = await em.execute<{ query: string; created_at: Date | string }[]>(
      `select meta->>'query' as query, created_at ${answers}
       and (meta->>'resultCount')::int = 0 order by created_at desc limit ?`,
      [since, LIST_LIMIT],
    );
    const usage = await em.execute<
      { day: string; prompt: string; completion: string; ttft: string | null; messages: string }[]
    >(
      `select to_char(date_trunc('day', created_at at time zone 'utc'), 'YYYY-MM-DD') as day,
              sum(prompt_tokens)::text as prompt, sum(completion_tokens)::text as completion,
              avg(time_to_first_token_ms)::text as ttft, count(*)::text as messages
       from llm_usage where created_at >= ? group by 1 order by 1`,
      [since],
    );

    const iso = (d: Date | string) => new Date(d).toISOString();
    return {
      days,
      topProducts: topProducts.map((r) => ({ gpuId: r.gpu_id, name: r.name, mentions: Number(r.mentions) })),
      outOfStockDemand: outOfStock.map((r) => ({ gpuId: r.gpu_id, name: r.name, asks: Number(r.asks) })),
      overBudgetQueries: overBudget.map((r) => ({
        query: r.query ?? '',
        budget: r.budget === null ? null : Number(r.budget),
        createdAt: iso(r.created_at),
      })),
      zeroResultQueries: zeroResults.map((r) => ({ query: r.query ?? '', createdAt: iso(r.created_at) })),
      usageByDay: usage.map((r) => ({
        day: r.day,
        promptTokens: Number(r.prompt),
        completionTokens: Number(r.completion),
        avgTtftMs: r.ttft === null ? null : Math.round(Number(r.ttft)),
        messages: Number(r.messages),
      })),
    };
  }
}
