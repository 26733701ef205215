/**
 * Drawn charts per analysis and chart group (issue 12): a cold `/segment
 * summary` after a restart shows the stored PNGs instead of drawing a
 * million-row map again. The key holds the analysis key, the group and the
 * chart code's fingerprint, so a deploy that draws differently never serves
 * old pictures.
 */
export const chartImages = `
CREATE TABLE chart_images (
  chart_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  filename TEXT NOT NULL,
  title TEXT NOT NULL,
  alt TEXT NOT NULL,
  png BLOB NOT NULL,
  used_at TEXT NOT NULL,
  PRIMARY KEY (chart_key, position)
);
CREATE INDEX chart_images_by_use ON chart_images (used_at);
`;
