/**
 * The 47 prefectures and the eight standard regions (地方区分) they belong to, so a store's region can
 * default from its prefecture and "東京" finds 東京都.
 */
const REGIONS: Record<string, readonly string[]> = {
  北海道: ['北海道'],
  東北: ['青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県'],
  関東: ['茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県'],
  中部: ['新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県'],
  近畿: ['三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県'],
  中国: ['鳥取県', '島根県', '岡山県', '広島県', '山口県'],
  四国: ['徳島県', '香川県', '愛媛県', '高知県'],
  '九州・沖縄': ['福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県'],
};

const REGION_OF = new Map(
  Object.entries(REGIONS).flatMap(([region, prefectures]) => prefectures.map((p) => [p, region] as const)),
);

export const PREFECTURES: readonly string[] = [...REGION_OF.keys()];

/** The prefecture's full name for `東京都` or `東京` (NFKC, trimmed); null when it is not one. */
export function canonicalPrefecture(input: string): string | null {
  const s = input.normalize('NFKC').trim();
  if (REGION_OF.has(s)) return s;
  // "北海道" has no suffix; the others may be typed without 都・府・県.
  const withSuffix = PREFECTURES.find((p) => p !== '北海道' && p.slice(0, -1) === s);
  return withSuffix ?? null;
}

export function regionOf(prefecture: string): string | null {
  return REGION_OF.get(prefecture) ?? null;
}
