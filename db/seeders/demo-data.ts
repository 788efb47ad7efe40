/** Believable names, places and jobs for the demo data (fixed lists: the same seed gives the same data). */
export const FAMILY = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
];
export const GIVEN = [
  '陽菜',
  '結衣',
  '美咲',
  '葵',
  'さくら',
  '翔太',
  '大輝',
  '蓮',
  '悠斗',
  '健太',
  '真由美',
  '由美子',
  '恵',
  '直樹',
  '拓海',
  '彩',
  '花子',
  '太郎',
  '和子',
  '裕子',
];
export const PREFS = [
  '東京都',
  '神奈川県',
  '大阪府',
  '愛知県',
  '福岡県',
  '北海道',
  '宮城県',
  '広島県',
  '京都府',
  '埼玉県',
  '千葉県',
  '兵庫県',
];
export const SKILLS = [
  'データ入力',
  'Excel',
  'Word',
  '文字起こし',
  '翻訳',
  'ライティング',
  '校正',
  'Photoshop',
  '経理',
  'SQL',
];

export const JOBS: {
  title: string;
  description: string;
  category: string;
  skills: string[];
  remote: boolean;
  prefecture: string | null;
  yen: number;
  openings: number;
}[] = [
  {
    title: '商品データ入力(ECサイト)',
    description: '商品名・価格・説明文をスプレッドシートから管理画面へ入力していただきます。',
    category: 'データ入力',
    skills: ['データ入力', 'Excel'],
    remote: true,
    prefecture: null,
    yen: 12000,
    openings: 3,
  },
  {
    title: '店舗BGMの番組表チェック',
    description: '放送プログラムの番組表と実際の放送内容を照合し、差異を報告していただきます。',
    category: 'チェック作業',
    skills: ['校正'],
    remote: false,
    prefecture: '東京都',
    yen: 8000,
    openings: 2,
  },
  {
    title: '会議音声の文字起こし(60分×5本)',
    description: '社内会議の録音を文字に起こしていただきます。ケバ取りあり。',
    category: '文字起こし',
    skills: ['文字起こし', 'Word'],
    remote: true,
    prefecture: null,
    yen: 25000,
    openings: 2,
  },
  {
    title: '英文マニュアルの翻訳(英→日)',
    description: '機器マニュアル約20ページの翻訳です。専門用語集をお渡しします。',
    category: '翻訳',
    skills: ['翻訳'],
    remote: true,
    prefecture: null,
    yen: 40000,
    openings: 1,
  },
  {
    title: '月次経費精算の入力補助',
    description: '領収書画像をもとに会計ソフトへ入力していただきます。',
    category: '経理',
    skills: ['経理', 'Excel'],
    remote: false,
    prefecture: '大阪府',
    yen: 15000,
    openings: 2,
  },
  {
    title: '新店舗紹介記事の執筆(2,000字)',
    description: '取材メモをもとに、新規出店の紹介記事を執筆していただきます。',
    category: 'ライティング',
    skills: ['ライティング'],
    remote: true,
    prefecture: null,
    yen: 18000,
    openings: 1,
  },
  {
    title: '商品画像の切り抜き・補正(100点)',
    description: '白背景への切り抜きと明るさ補正をお願いします。',
    category: 'デザイン',
    skills: ['Photoshop'],
    remote: true,
    prefecture: null,
    yen: 20000,
    openings: 2,
  },
  {
    title: '売上データの集計とレポート作成',
    description: 'SQLで抽出したデータをExcelで集計し、月次レポートを作成していただきます。',
    category: 'データ分析',
    skills: ['SQL', 'Excel'],
    remote: false,
    prefecture: '福岡県',
    yen: 30000,
    openings: 1,
  },
  {
    title: 'アンケート自由記述の分類',
    description: '約800件の自由記述を指定のカテゴリに分類していただきます。',
    category: 'データ入力',
    skills: ['データ入力'],
    remote: true,
    prefecture: null,
    yen: 9000,
    openings: 4,
  },
  {
    title: '店舗スタッフ向けマニュアルの校正',
    description: '誤字脱字と表記ゆれのチェックをお願いします。',
    category: 'チェック作業',
    skills: ['校正', 'Word'],
    remote: false,
    prefecture: '愛知県',
    yen: 7000,
    openings: 1,
  },
];

/** A small deterministic generator, so demo data is the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
