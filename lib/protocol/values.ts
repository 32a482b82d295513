/**
 * Values that end up as arguments of Pacemaker tools. Validated here (shared by the console and the
 * agent) so that an id can never become an option or anything but one literal argument.
 */
import { z } from "zod";

/** Pacemaker ids are XML `ID`s (NCName): a letter or `_` first, then letters, digits, `.`, `-`, `_`. */
const XML_ID = /^[A-Za-z_][A-Za-z0-9._-]*$/;
/** Node names are host names (uname): no leading dash, no spaces or shell syntax. */
const NODE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
/** Attribute names as Pacemaker and resource agents write them (`pingd`, `master-pgsql`, `#health-x`). */
const ATTR_NAME = /^[A-Za-z_#][A-Za-z0-9._:#-]*$/;
/** ISO 8601 durations as crm_resource --lifetime takes them (PT1H, P1D, P1DT12H). */
const DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
/** Values that start with a dash are allowed only when they are plainly numbers or scores. */
const DASH_OK = /^-(\d+(\.\d+)?|INFINITY|inf)$/;

export function isOptionLike(value: string): boolean {
  return value.startsWith("-") && !DASH_OK.test(value);
}

const optionLikeMessage = (what: string) => `${what} must not start with "-" (it would look like a command-line option)`;

export const xmlId = (what = "id") =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(256, `${what} is too long`)
    // abort: an option look-alike gets that one message, not also "not a valid id"
    .refine((v) => !isOptionLike(v), { message: optionLikeMessage(what), abort: true })
    .refine((v) => XML_ID.test(v), {
      message: `${what} is not a valid Pacemaker id (letters, digits, ".", "-", "_"; starting with a letter or "_")`,
    });

export const nodeName = (what = "node name") =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(253, `${what} is too long`)
    // abort: an option look-alike gets that one message, not also "not a valid id"
    .refine((v) => !isOptionLike(v), { message: optionLikeMessage(what), abort: true })
    .refine((v) => NODE_NAME.test(v), { message: `${what} is not a valid node name (letters, digits, ".", "-", "_")` });

export const attrName = (what = "attribute name") =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(256, `${what} is too long`)
    // abort: an option look-alike gets that one message, not also "not a valid id"
    .refine((v) => !isOptionLike(v), { message: optionLikeMessage(what), abort: true })
    .refine((v) => ATTR_NAME.test(v), { message: `${what} is not a valid attribute name` });

/** Free text is passed literally (never through a shell); only option look-alikes and control bytes are refused. */
export const attrValue = (what = "value") =>
  z
    .string()
    .max(4096, `${what} is too long`)
    // abort: an option look-alike gets that one message, not also "not a valid id"
    .refine((v) => !isOptionLike(v), { message: optionLikeMessage(what), abort: true })
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${what} must not contain control characters`);

export const duration = (what = "lifetime") =>
  z
    .string()
    // abort: an option look-alike gets that one message, not also "not a valid id"
    .refine((v) => !isOptionLike(v), { message: optionLikeMessage(what), abort: true })
    .refine((v) => DURATION.test(v), `${what} must be an ISO 8601 duration such as PT1H or P1D`);
