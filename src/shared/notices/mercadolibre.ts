/** Mercado Libre Brand Protection Program ("Programa de Protección de Propiedad Intelectual"): a denuncia for counterfeit. */
import { reportUrl } from "../report-portals.ts";
import { brandName, capacity, contactBlock, description, field, firstMark, itemId } from "./common.ts";
import type { NoticeWriter } from "./types.ts";

export const mercadolibreNotice: NoticeWriter = (input) => {
  const c = input.case;
  const mark = firstMark(input);
  return {
    portal: "mercadolibre",
    portalName: "Mercado Libre — Brand Protection Program",
    url: reportUrl("mercadolibre", c.url, "agent"),
    fields: [
      field("titular", "Titular de los derechos (rights holder)", input.profile.company),
      field("capacity", "Filing as", capacity(input)),
      field("right", "Derecho (right)", `Marca (trademark): ${brandName(c)}`),
      field("registration", "Número de registro (registration number)", mark.number),
      field("office", "Oficina (office)", mark.office),
      field("reason", "Motivo (reason)", "Falsificación — producto falsificado (counterfeit product)"),
      field("publicationId", "Número de publicación (listing id)", itemId(c)),
      field("publicationUrl", "URL de la publicación", c.url),
      field("description", "Descripción (description)", description(input), 1500),
      field("contact", "Contacto (contact)", contactBlock(input)),
    ],
  };
};
