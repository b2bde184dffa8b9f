/** Messages with params in JSX: each param's value is isolated (`<bdi>`), so listing text keeps its own direction. */
import type { ComponentChildren } from "preact";
import { type MessageKey, type ParamsOf, type Part, ui } from "../shared/i18n.ts";
import { asSaid, type Said, saidParts } from "../shared/said.ts";

type Wrap = Record<string, (value: string) => ComponentChildren>;

/** Message parts (Catalog.parts, reasonParts) with each param in `<bdi>`, or in what `wrap` gives for its name. */
export function Parts({ parts, wrap = {} }: { parts: Part[]; wrap?: Wrap }) {
  return (
    <>
      {parts.map((p, i) => {
        if (typeof p === "string") return p;
        const w = wrap[p.param.toLowerCase()];
        return <bdi key={i}>{w ? w(p.value) : p.value}</bdi>;
      })}
    </>
  );
}

/** A typed key with its params, the params isolated; `wrap` (by lower-case param name) adds markup around one. */
export function Msg<K extends MessageKey>(
  props: { k: K; wrap?: Wrap } & (ParamsOf<K> extends [] ? object : { p: ParamsOf<K>[0] }),
) {
  const params = "p" in props ? (props.p as Record<string, string | number>) : {};
  return <Parts parts={ui().parts(props.k, params)} {...(props.wrap ? { wrap: props.wrap } : {})} />;
}

/**
 * What the worker or the registry told as a key and params, in the UI's
 * language, each param (a path, an address, a server's words) in `<bdi>`; a
 * param that is a sentence of ours (a validator's detail) is worded in the same
 * language, its own params in `<bdi>`. A registry text that has no
 * translation yet is shown as given, marked English.
 */
export function SaidText({ said }: { said: Said }) {
  const parts = (
    <>
      {saidParts(said, ui()).map((p, i) => {
        if (typeof p === "string") return p;
        if ("said" in p) return <SaidText key={i} said={p.said} />;
        return <bdi key={i}>{p.value}</bdi>;
      })}
    </>
  );
  return said.key === "as_given" ? <span lang="en">{parts}</span> : parts;
}

/** Stored text with the Said it was told as; a record from before (no Said) shows its English text, marked so. */
export function Told({ said, text }: { said: Said | null | undefined; text: string }) {
  const valid = asSaid(said);
  return valid ? <SaidText said={valid} /> : <span lang="en">{text}</span>;
}
