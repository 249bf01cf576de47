declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  // Lists of other languages, used to tell a question in a third language (src/text/language.ts).
  export const afr: string[], cat: string[], ces: string[], dan: string[], deu: string[], epo: string[], spa: string[], est: string[];
  export const eus: string[], fin: string[], gle: string[], glg: string[], hau: string[], hrv: string[], hun: string[], ind: string[];
  export const ita: string[], lat: string[], lit: string[], lav: string[], msa: string[], nld: string[], nob: string[], pol: string[];
  export const por: string[], ron: string[], slk: string[], slv: string[], som: string[], swe: string[], swa: string[], tgl: string[];
  export const tur: string[], vie: string[], yor: string[];
}
