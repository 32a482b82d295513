"use client";
// A read-only CodeMirror view of one text (Pacemaker XML or crm shell syntax): highlighted,
// searchable (Ctrl-F / Cmd-F in the text, or the Search button for mouse users), copyable. Loaded
// only by the raw page (next/dynamic in raw-view.tsx): CodeMirror stays out of every other page.
import { xml } from "@codemirror/lang-xml";
import { openSearchPanel } from "@codemirror/search";
import CodeMirror, { EditorView, type ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { Search } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { CopyButton } from "./copy-button";

function usePrefersDark(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const q = window.matchMedia("(prefers-color-scheme: dark)");
    setDark(q.matches);
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    q.addEventListener("change", on);
    return () => q.removeEventListener("change", on);
  }, []);
  return dark;
}

export default function CodeViewer({ value, language, label, test }: { value: string; language: "xml" | "text"; label: string; test: string }) {
  const ref = useRef<ReactCodeMirrorRef>(null);
  const dark = usePrefersDark();
  const extensions = useMemo(
    () => [
      ...(language === "xml" ? [xml()] : []),
      EditorView.lineWrapping,
      // the text's accessible name, for screen readers landing in it
      EditorView.contentAttributes.of({ "aria-label": label, "data-test": `${test}-text` }),
    ],
    [language, label, test],
  );
  const search = () => {
    const view = ref.current?.view;
    if (!view) return;
    openSearchPanel(view);
  };
  return (
    <div data-test={test} className="overflow-hidden rounded-md border border-line">
      <div className="flex flex-wrap items-center gap-2 border-b border-line bg-surface-2/50 px-2 py-1.5">
        <span className="text-xs text-muted">{value.split("\n").length} lines · Ctrl-F searches in the text</span>
        <span className="ml-auto flex gap-1.5">
          <button
            type="button"
            data-test={`${test}-search`}
            onClick={search}
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line bg-surface px-2.5 text-xs font-medium hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-info"
          >
            <Search aria-hidden className="size-3.5" /> Search
          </button>
          <CopyButton text={value} what={label} test={`${test}-copy`} />
        </span>
      </div>
      <CodeMirror
        ref={ref}
        value={value}
        // read-only but focusable: the cursor, selection and Ctrl-F work; nothing can be typed
        readOnly
        editable
        indentWithTab={false}
        theme={dark ? "dark" : "light"}
        extensions={extensions}
        basicSetup={{ foldGutter: true, highlightActiveLine: false, autocompletion: false, searchKeymap: true }}
        maxHeight="70vh"
        className="text-xs"
      />
    </div>
  );
}
