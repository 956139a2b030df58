// Bounds on one answer's planning.
/** LLM rounds that may call tools; one more round must answer in text. */
export const MAX_TOOL_ROUNDS = 4;
/** Tool calls the LLM may make in one round (a model asking for more is cut off). */
export const MAX_CALLS_PER_ROUND = 6;
