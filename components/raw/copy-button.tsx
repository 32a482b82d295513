"use client";
// Copies a text to the clipboard and says so (announced); where the Clipboard API is refused (a
// plain-http console), a hidden textarea and execCommand("copy") do it instead.
import { Check, Copy } from "lucide-react";
import { useState } from "react";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.position = "fixed";
  ta.style.opacity = "0";
  document.body.appendChild(ta);
  ta.select();
  const ok = document.execCommand("copy");
  ta.remove();
  if (!ok) throw new Error("the browser refused to copy");
}

export function CopyButton({ text, what, test }: { text: string; what: string; test: string }) {
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  const copy = async () => {
    try {
      await copyText(text);
      setState("done");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <>
      <button
        type="button"
        data-test={test}
        aria-label={`Copy ${what}`}
        onClick={() => void copy()}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line bg-surface px-2.5 text-xs font-medium hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info"
      >
        {state === "done" ? <Check aria-hidden className="size-3.5 text-ok" /> : <Copy aria-hidden className="size-3.5" />}
        {state === "done" ? "Copied" : "Copy"}
      </button>
      <span role="status" className="sr-only">
        {state === "done" ? `${what} copied` : state === "failed" ? `Could not copy ${what}` : ""}
      </span>
    </>
  );
}
