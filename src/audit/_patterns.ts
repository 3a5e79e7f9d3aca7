/**
 * Wording defects as data: template placeholders, the template's filling instructions, doubled
 * punctuation and doubled words. Each pattern quotes the kind of text it was written for.
 */

/** "上海市 XX 局", "（XX分）", "××", "20XX 年", "某某"; not OCR letters such as "XXIIII.7H". */
export const PLACEHOLDER = /(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[XＸ]{2,}|×{2,}|某某|〇〇)(?![A-Za-zＡ-Ｚａ-ｚ])|(?<!\d)20\d?[XＸ×]{1,2}(?=\s*年)/g;

/** Instructions of the blank template that belong to the preparer, not the public. */
export const TEMPLATE_TEXT: readonly RegExp[] = [
  // "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："
  /仍保留该表格式/,
  /(?:并在本表下方)?作下述说明/,
  // "（如持平作持平表述）"
  /如持平作持平表述/,
  /按上述格式依次说明/,
  // "由主管部门根据三定方案等相关规定中有关主要职能填写。"
  /根据[^。]{0,30}填写。?\s*$/,
  // "比 2023 年度增加（减少）XXX 万元，增长（下降）XX%", "决算数大于（小于）预算数"
  /(?:增加|增长|大于)\s*[（(]\s*(?:减少|下降|小于)\s*[）)]/,
  /[（(]仅有一个单位的部门/,
];

/** "，，", "。。", "，。", "，；": punctuation marks in a row (not "……" or "——"). */
export const REPEATED_PUNCTUATION = /[，。、；：！？](?:[ \t]*[，。、；：！？])+/g;

/** "支出支出", "的的": a word written twice in a row. */
export const REPEATED_WORD = /(\p{Script=Han}{2,6})\1|([的了在是和与及对])\2/gu;
