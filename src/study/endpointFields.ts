/**
 * Checks of the two fields that point a model at an endpoint, shared by the study file and the command line. Each
 * returns the problem in words, or undefined. Neither message repeats the value: an `api_key_env` that holds a key
 * must not be echoed to a terminal, a CI log or the manifest.
 */

/** Prefixes of keys that providers issue (OpenAI, Anthropic, Hugging Face, Groq, xAI, GitHub, AWS, Google). */
const KEY_PREFIXES = /^(sk-|sk_|pk-|rk-|hf_|gsk_|xai-|ghp_|gho_|github_pat_|AKIA|ASIA|AIza)/;

export function apiKeyEnvProblem(value: string): string | undefined {
  const looksLikeKey =
    KEY_PREFIXES.test(value) || (value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value));
  if (looksLikeKey)
    return 'looks like an API key, not the name of an environment variable: put the key in an environment variable (e.g. export OPENAI_API_KEY=...) and give its NAME here; if this was a real key, revoke it, since it may be in your shell history';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value))
    return 'must be the NAME of an environment variable (letters, digits and _; e.g. OPENAI_API_KEY), never the key itself';
  return undefined;
}

export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL; write the endpoint's full address, e.g. http://127.0.0.1:8000/v1 or https://api.openai.com/v1`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `"${value}" is not an http(s) address; OpenAI-compatible endpoints are reached over http or https`;
  if (url.username || url.password) return 'must not carry a user name or password; give the key through api_key_env';
  return undefined;
}
