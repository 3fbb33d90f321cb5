// Runs the balance of each draft in a module worker (studio/balance-worker.js), one at a
// time. A newer draft while one is being computed ends that worker and starts a fresh
// one on the same compiled module (instantiating it takes milliseconds), so a long
// computation for text that has already changed never delays the current one; answers
// carry the id of their request, and only the latest request's is reported.

export class BalanceRunner {
  #module;
  #worker = null;
  #busy = false;
  #latest = 0;
  #latestText = '';
  #onResult;

  /** `onResult({ text, result, ms } | { text, error })`, for the latest request only. */
  constructor(module, onResult) {
    this.#module = module;
    this.#onResult = onResult;
  }

  run(text) {
    const id = ++this.#latest;
    this.#latestText = text;
    if (this.#busy) this.#stop();
    const worker = this.#start();
    this.#busy = true;
    const answered = ({ data }) => {
      if (data.id !== id) return;
      worker.removeEventListener('message', answered);
      if (worker === this.#worker) this.#busy = false;
      if (id === this.#latest) this.#onResult({ text, ...data });
    };
    worker.addEventListener('message', answered);
    worker.postMessage({ id, text });
  }

  #start() {
    if (!this.#worker) {
      this.#worker = new Worker(new URL('./balance-worker.js', import.meta.url), { type: 'module', name: 'balance' });
      this.#worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.#busy = false;
        this.#onResult({ text: this.#latestText, error: event.message || 'the balance worker could not start' });
      });
      this.#worker.postMessage({ module: this.#module });
    }
    return this.#worker;
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#busy = false;
  }
}
