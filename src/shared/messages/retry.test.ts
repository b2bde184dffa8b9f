import { describe, expect, it } from "vitest";
import { NoAnswerError, retryOnNoAnswer } from "./retry.ts";

/** An attempt that fails with the given errors in turn, then answers "done". */
function failing(...errors: Error[]) {
  let calls = 0;
  const attempt = async (): Promise<string> => {
    const e = errors[calls++];
    if (e) throw e;
    return "done";
  };
  return { attempt, calls: () => calls };
}

describe("retryOnNoAnswer", () => {
  const waits: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    waits.push(ms);
  };

  it("sends again after each wait while the background gives no answer, and returns the answer that comes", async () => {
    waits.length = 0;
    const a = failing(new NoAnswerError("stopped"), new NoAnswerError("stopped"));
    await expect(retryOnNoAnswer(a.attempt, { delaysMs: [10, 20, 30], sleep })).resolves.toBe("done");
    expect(a.calls()).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it("gives up with the last no-answer error once the waits are used up", async () => {
    waits.length = 0;
    const last = new NoAnswerError("third");
    const a = failing(new NoAnswerError("first"), new NoAnswerError("second"), last);
    await expect(retryOnNoAnswer(a.attempt, { delaysMs: [1, 2], sleep })).rejects.toBe(last);
    expect(a.calls()).toBe(3);
  });

  it("never repeats a request the handler answered with a refusal", async () => {
    waits.length = 0;
    const refusal = new Error("listing.url is not the sender's page");
    const a = failing(refusal);
    await expect(retryOnNoAnswer(a.attempt, { delaysMs: [1, 2], sleep })).rejects.toBe(refusal);
    expect(a.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it("stops when the answer is no longer wanted (the page moved on while waiting)", async () => {
    waits.length = 0;
    let wanted = true;
    const a = failing(new NoAnswerError("stopped"), new NoAnswerError("stopped"));
    const sleepThenNavigate = async (ms: number): Promise<void> => {
      waits.push(ms);
      wanted = false;
    };
    await expect(
      retryOnNoAnswer(a.attempt, { delaysMs: [5, 5], sleep: sleepThenNavigate, wanted: () => wanted }),
    ).rejects.toBeInstanceOf(NoAnswerError);
    expect(a.calls()).toBe(1);
  });

  it("waits for real between tries by default", async () => {
    const a = failing(new NoAnswerError("stopped"));
    const t0 = performance.now();
    await expect(retryOnNoAnswer(a.attempt, { delaysMs: [30] })).resolves.toBe("done");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });
});
