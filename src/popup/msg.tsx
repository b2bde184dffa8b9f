/** Messages with params in JSX: each param's value is isolated (`<bdi>`), so listing text keeps its own direction. */
import type { ComponentChildren } from "preact";
import { type MessageKey, type ParamsOf, type Part, ui } from "../shared/i18n.ts";

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
