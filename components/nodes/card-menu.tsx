"use client";
import { ChevronLeft, ChevronRight, MoreVertical } from "lucide-react";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { commandPreview, useActionRunner } from "@/components/actions/action-runner";
import { useClusterLive } from "@/components/live/cluster-live";
import { useBoardActions } from "./board-actions";
import { cliConstraintsOf, configuredTargetRole, type DragSubject } from "./drag";

interface Item {
  key: string;
  label: string;
  /** why it cannot be chosen (shown as its tooltip), null when it can */
  disabled: string | null;
  /** the command it runs, for the tooltip */
  title?: string;
  submenu?: boolean;
  run: () => void;
}

/**
 * The card's menu: every board action without dragging, keyboard first (menu button pattern:
 * Enter/Space/ArrowDown open it on the first item, arrows move, Home/End, Enter runs, Esc closes
 * and gives focus back to the button). "Move to…" opens the node list in the same menu.
 */
export function CardMenu({ subject }: { subject: DragSubject }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        data-test="card-menu"
        aria-label={`Actions for ${subject.rsc}${subject.from ? ` on ${subject.from}` : ""}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // Never the start of a drag: the card's pointer listeners sit on its parent.
        onPointerDown={(e) => e.stopPropagation()}
        onTouchStart={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
          }
        }}
        onClick={() => setOpen((o) => !o)}
        className="ml-auto -mr-1 shrink-0 rounded p-0.5 text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-info"
      >
        <MoreVertical aria-hidden className="size-4" />
      </button>
      {open ? <Menu id={menuId} subject={subject} anchor={buttonRef} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function Menu({ id, subject, anchor, onClose }: { id: string; subject: DragSubject; anchor: React.RefObject<HTMLButtonElement | null>; onClose: () => void }) {
  const runner = useActionRunner();
  const actions = useBoardActions();
  const status = useClusterLive().status;
  const [level, setLevel] = useState<"main" | "nodes">("main");
  const [active, setActive] = useState(0);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const close = useCallback(
    (focusButton = true) => {
      onClose();
      if (focusButton) anchor.current?.focus();
    },
    [anchor, onClose],
  );

  const config = status?.configuration ?? null;
  const cli = cliConstraintsOf(config, subject.rsc);
  const targetRole = configuredTargetRole(config, subject.rsc);
  const stopped = targetRole === "Stopped";
  const deny = (a: Parameters<typeof runner.deniedReason>[0]) => runner.deniedReason(a);

  const main: Item[] = [
    {
      key: "move",
      label: subject.promoted ? "Move promoted role to…" : "Move to…",
      disabled: deny("resource.move"),
      submenu: true,
      run: () => {
        setLevel("nodes");
        setActive(0);
      },
    },
    ...(subject.from
      ? [
          {
            key: "ban",
            label: `Ban from ${subject.from}`,
            disabled: deny("resource.ban"),
            title: commandPreview("resource.ban", { rsc: subject.rsc, node: subject.from, ...(subject.promoted ? { promoted: true } : {}) }).join("\n"),
            run: () => {
              // focus back on the menu button first: the dialog returns focus to what had it
              close();
              actions.openBan(subject);
            },
          },
        ]
      : []),
    {
      key: "clear",
      label: "Clear move/ban",
      disabled: deny("resource.clear") ?? (cli.length === 0 ? `${subject.rsc} has no move or ban constraint` : null),
      title: `${commandPreview("resource.clear", { rsc: subject.rsc }).join("\n")}\nremoves ${cli.join(", ")}`,
      run: () => {
        close();
        actions.clear(subject);
      },
    },
    stopped
      ? {
          key: "start",
          label: "Start",
          disabled: deny("resource.start"),
          title: commandPreview("resource.start", { rsc: subject.rsc }).join("\n"),
          run: () => {
            close();
            actions.start(subject);
          },
        }
      : {
          key: "stop",
          label: "Stop…",
          disabled: deny("resource.stop"),
          title: commandPreview("resource.stop", { rsc: subject.rsc }).join("\n"),
          run: () => {
            close();
            actions.openStop(subject);
          },
        },
  ];

  const nodeItems: Item[] = [
    {
      key: "back",
      label: "Back",
      disabled: null,
      run: () => {
        setLevel("main");
        setActive(0);
      },
    },
    ...(status?.nodes ?? [])
      .filter((n) => n.name !== subject.from)
      .map((n) => {
        const state = !n.online ? " (offline)" : n.standby ? " (standby)" : n.maintenance ? " (maintenance)" : "";
        return {
          key: `node:${n.name}`,
          label: `${n.name}${state}`,
          disabled: deny("resource.move"),
          run: () => {
            close();
            actions.drop(subject, { kind: "node", node: n.name });
          },
        };
      }),
  ];
  const items = level === "main" ? main : nodeItems;

  // Placed under the button, flipped above when there is no room (the board scrolls inside columns).
  useLayoutEffect(() => {
    const b = anchor.current?.getBoundingClientRect();
    const m = menuRef.current?.getBoundingClientRect();
    if (!b) return;
    const h = m?.height ?? 200;
    const w = m?.width ?? 220;
    const top = b.bottom + 4 + h > window.innerHeight ? Math.max(4, b.top - 4 - h) : b.bottom + 4;
    const left = Math.min(Math.max(4, b.right - w), window.innerWidth - w - 4);
    setPos({ top, left });
  }, [anchor, level]);

  useEffect(() => {
    itemRefs.current[active]?.focus();
  }, [active, level, pos]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !anchor.current?.contains(t)) close(false);
    };
    const onScroll = (e: Event) => {
      if (!menuRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onDown, true);
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", onScroll);
    return () => {
      document.removeEventListener("pointerdown", onDown, true);
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", onScroll);
    };
  }, [anchor, close]);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const n = items.length;
    const move = (to: number) => {
      e.preventDefault();
      setActive(((to % n) + n) % n);
    };
    switch (e.key) {
      case "ArrowDown":
        return move(active + 1);
      case "ArrowUp":
        return move(active - 1);
      case "Home":
        return move(0);
      case "End":
        return move(n - 1);
      case "ArrowRight": {
        const it = items[active];
        if (it?.submenu && !it.disabled) {
          e.preventDefault();
          it.run();
        }
        return;
      }
      case "ArrowLeft":
        if (level === "nodes") {
          e.preventDefault();
          setLevel("main");
          setActive(0);
        }
        return;
      case "Escape":
        e.preventDefault();
        e.stopPropagation();
        if (level === "nodes") {
          setLevel("main");
          setActive(0);
        } else close();
        return;
      case "Tab":
        close(false);
        return;
    }
  };

  return createPortal(
    <div
      ref={menuRef}
      id={id}
      role="menu"
      aria-label={level === "main" ? `Actions for ${subject.rsc}` : `Move ${subject.rsc} to`}
      data-test="card-menu-list"
      data-level={level}
      onKeyDown={onKeyDown}
      style={{ position: "fixed", top: pos?.top ?? -9999, left: pos?.left ?? -9999 }}
      className="z-40 min-w-[13rem] rounded-md border border-line bg-surface py-1 text-sm shadow-xl"
    >
      {level === "nodes" ? <p className="px-3 pb-1 pt-0.5 text-[11px] font-semibold uppercase tracking-wide text-muted">Move {subject.rsc} to</p> : null}
      {items.map((it, i) => (
        <button
          key={it.key}
          ref={(el) => {
            itemRefs.current[i] = el;
          }}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          aria-disabled={it.disabled !== null || undefined}
          aria-haspopup={it.submenu ? "menu" : undefined}
          data-test={`menu:${it.key}`}
          title={it.disabled ?? it.title}
          onMouseEnter={() => setActive(i)}
          onClick={() => {
            if (!it.disabled) it.run();
          }}
          onKeyDown={(e) => {
            if ((e.key === "Enter" || e.key === " ") && !it.disabled) {
              e.preventDefault();
              it.run();
            }
          }}
          className="flex w-full items-center gap-2 px-3 py-1.5 text-left hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-info aria-disabled:cursor-not-allowed aria-disabled:text-faint"
        >
          {it.key === "back" ? <ChevronLeft aria-hidden className="size-4" /> : null}
          <span className="flex-1">{it.label}</span>
          {it.submenu ? <ChevronRight aria-hidden className="size-4" /> : null}
        </button>
      ))}
    </div>,
    document.body,
  );
}
