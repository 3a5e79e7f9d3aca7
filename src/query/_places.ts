import { EN_PLACES, GAZETTEER } from "./_gazetteer.js";

/** A province or prefecture-level division: its full name and the province it lies in. */
export interface Place {
  readonly name: string;
  readonly province: string;
}

/** A place named in a text, with the form that named it. */
export interface PlaceMention {
  readonly form: string;
  readonly place: Place;
}

const ETHNIC =
  /(朝鲜族|土家族|苗族|藏族|羌族|彝族|布依族|侗族|哈尼族|壮族|傣族|白族|景颇族|傈僳族|回族|蒙古族|蒙古|柯尔克孜|哈萨克|维吾尔)+自治(州|区)$/;

let cache: { forms: ReadonlyMap<string, Place>; byLength: readonly string[] } | null = null;

/** Every typed form of a place: "北京市"/"北京", "恩施土家族苗族自治州"/"恩施州"/"恩施", "阿克苏地区"/"阿克苏". */
function shortForms(name: string): string[] {
  const out = [name];
  const ethnic = ETHNIC.exec(name);
  if (ethnic) {
    const stem = name.slice(0, ethnic.index);
    if (stem.length >= 2) out.push(stem, ethnic[2] === "州" ? `${stem}州` : stem);
  }
  const plain = name.replace(/(省|市|自治区|特别行政区|地区|林区)$/, "");
  if (plain !== name && plain.length >= 2) out.push(plain);
  return out;
}

function index(): { forms: ReadonlyMap<string, Place>; byLength: readonly string[] } {
  if (cache) return cache;
  const forms = new Map<string, Place>();
  // Provinces first: "吉林", "海南" name the province before the city or prefecture sharing the stem.
  for (const p of GAZETTEER) {
    for (const f of shortForms(p.province)) if (!forms.has(f)) forms.set(f, { name: p.province, province: p.province });
  }
  for (const p of GAZETTEER) {
    for (const c of p.cities) {
      for (const f of shortForms(c)) if (!forms.has(f)) forms.set(f, { name: c, province: p.province });
    }
  }
  cache = { forms, byLength: [...forms.keys()].sort((a, b) => b.length - a.length) };
  return cache;
}

/** The place whose form the text ends with ("北京市" in "请问北京市"), longest form first. */
export function placeEndingText(text: string): PlaceMention | null {
  const { forms, byLength } = index();
  for (const f of byLength) {
    if (text.endsWith(f)) {
      const place = forms.get(f);
      if (place) return { form: f, place };
    }
  }
  return null;
}

/** The place whose form the text starts with ("北京经信局" → 北京). */
export function placeStartingText(text: string): PlaceMention | null {
  const { forms, byLength } = index();
  for (const f of byLength) {
    if (text.startsWith(f)) {
      const place = forms.get(f);
      if (place) return { form: f, place };
    }
  }
  return null;
}

/** Every place named with its full name or a suffixed form ("北京市", "湖北省", "恩施州") in the text. */
export function suffixedPlacesIn(text: string): PlaceMention[] {
  const { forms, byLength } = index();
  const out: PlaceMention[] = [];
  for (const f of byLength) {
    if (!/(省|市|自治区|特别行政区|地区|林区|州|盟)$/.test(f) || !text.includes(f)) continue;
    const place = forms.get(f);
    if (place && !out.some((o) => o.form.includes(f))) out.push({ form: f, place });
  }
  return out;
}

/** The English place name the text ends with ("… beijing "), if any. */
export function englishPlaceEndingText(text: string): PlaceMention | null {
  const t = text.replace(/\s+$/, "");
  for (const [en, zh] of Object.entries(EN_PLACES)) {
    if (t.endsWith(en) && !/[a-z]/.test(t[t.length - en.length - 1] ?? "")) {
      const place = index().forms.get(zh);
      if (place) return { form: en, place };
    }
  }
  return null;
}

/**
 * The gazetteer places a department lies in, from its region levels: "武汉市" → 武汉市 and 湖北省;
 * "武汉东湖新技术开发区" → the same (it starts with the city's stem).
 */
export function placesOfRegions(regions: readonly string[]): Set<string> {
  const out = new Set<string>();
  const { forms } = index();
  for (const r of regions) {
    for (const [f, place] of forms) {
      if (r === f || (f.length >= 2 && r.startsWith(f))) {
        out.add(place.name);
        out.add(place.province);
      }
    }
  }
  return out;
}
