/**
 * The styles of the first script's cards: the same boxes, sizes and colours as the app's header,
 * wall and story cards (App.styles.ts, Wall.styles.ts, StoryCard.styles.ts, StoryContent and
 * Fluent's Button, Badge, Avatar and Link), so nothing moves when the app takes over. Written
 * with Fluent's token variables (`var(--spacingVerticalM)`); the build defines the ones used here
 * from the light and dark web themes the app uses in a browser (vite.config.ts).
 */

const narrow = '@media (max-width: 40rem)';

export const EARLY_CSS = `
.swe{font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300);font-weight:var(--fontWeightRegular);color:var(--colorNeutralForeground1);background-color:var(--colorNeutralBackground1);text-align:left}
.swe-page{min-height:100vh;background-color:var(--colorNeutralBackground2);color:var(--colorNeutralForeground1)}
.swe-header{position:sticky;top:0;z-index:1;background-color:var(--colorNeutralBackground1);border-bottom:var(--strokeWidthThin) solid var(--colorNeutralStroke2);box-shadow:var(--shadow2)}
.swe-header-inner{box-sizing:border-box;max-width:100rem;margin:0 auto;display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalL);padding:var(--spacingVerticalM) var(--spacingHorizontalXXL)}
.swe-compact{padding-top:var(--spacingVerticalS);padding-bottom:var(--spacingVerticalS)}
.swe-brand{display:grid;min-width:0}
.swe-h1{margin:0;font-size:var(--fontSizeBase500);line-height:var(--lineHeightBase500);font-weight:var(--fontWeightSemibold)}
.swe-caption{font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200);font-weight:var(--fontWeightRegular)}
.swe-tagline{color:var(--colorNeutralForeground3)}
.swe-actions{margin-left:auto;display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalM)}
.swe-button{box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;vertical-align:middle;margin:0;overflow:hidden;min-width:96px;padding:5px var(--spacingHorizontalM);border:var(--strokeWidthThin) solid var(--colorNeutralStrokeDisabled);border-radius:var(--borderRadiusMedium);font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightSemibold);line-height:var(--lineHeightBase300);background-color:var(--colorNeutralBackgroundDisabled);color:var(--colorNeutralForegroundDisabled);cursor:not-allowed}
.swe-button-small{min-width:64px;padding:3px var(--spacingHorizontalS);font-size:var(--fontSizeBase200);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase200)}
.swe-main{box-sizing:border-box;max-width:100rem;margin:0 auto;padding:var(--spacingVerticalXL) var(--spacingHorizontalXXL)}
${narrow}{.swe-header{position:static}.swe-header-inner{padding:var(--spacingVerticalM) var(--spacingHorizontalM)}.swe-compact{padding-top:var(--spacingVerticalS);padding-bottom:var(--spacingVerticalS)}.swe-main{padding:var(--spacingVerticalL) var(--spacingHorizontalM)}}
.swe-wall{display:grid;gap:var(--spacingVerticalL)}
.swe-filters{box-sizing:content-box;padding:var(--spacingVerticalM) var(--spacingHorizontalL);border-radius:var(--borderRadiusLarge);background-color:var(--colorNeutralBackground1);box-shadow:var(--shadow2)}
.swe-summary{display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalS);min-height:var(--lineHeightBase400)}
.swe-h2{margin:0;font-size:var(--fontSizeBase400);line-height:var(--lineHeightBase400);font-weight:var(--fontWeightSemibold)}
.swe-count{color:var(--colorNeutralForeground3);font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300)}
.swe-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:var(--spacingHorizontalL);margin:0;padding:0;list-style-type:none}
.swe-item{display:flex;min-width:0}
.swe-card{box-sizing:border-box;width:100%;display:flex;flex-direction:column;gap:var(--spacingVerticalM);padding:var(--spacingHorizontalL);border-radius:var(--borderRadiusXLarge);background-color:var(--colorNeutralBackground1);color:var(--colorNeutralForeground1);box-shadow:var(--shadow4);border:var(--strokeWidthThin) solid var(--colorTransparentStroke)}
.swe-meta{display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalS)}
.swe-badge{box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;position:relative;min-width:20px;height:20px;padding:0 calc(var(--spacingHorizontalXS) + var(--spacingHorizontalXXS));border-radius:var(--borderRadiusCircular);border-style:none;font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200);font-weight:var(--fontWeightSemibold)}
.swe-badge::after{content:"";position:absolute;inset:0;border:var(--strokeWidthThin) solid;border-color:inherit;border-radius:inherit}
.swe-badge-tint{background-color:var(--colorBrandBackground2);color:var(--colorBrandForeground2);border-color:var(--colorBrandStroke2)}
.swe-badge-outline{background-color:transparent;color:var(--colorNeutralForeground3);border-color:var(--colorNeutralStroke2)}
.swe-date{margin-left:auto;color:var(--colorNeutralForeground3)}
.swe-title{margin:0;font-size:var(--fontSizeBase500);line-height:var(--lineHeightBase500);font-weight:var(--fontWeightSemibold);overflow-wrap:anywhere}
.swe-steps{margin:0;display:grid;gap:var(--spacingVerticalS)}
.swe-step{display:grid;gap:var(--spacingVerticalXXS)}
.swe-label{font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200);font-weight:var(--fontWeightSemibold);color:var(--colorNeutralForeground3)}
.swe-text{margin:0;font-size:var(--fontSizeBase300);line-height:var(--lineHeightBase300);color:var(--colorNeutralForeground1);white-space:pre-line;overflow-wrap:anywhere;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.swe-lesson{display:grid;gap:var(--spacingVerticalXXS);padding:var(--spacingVerticalS) var(--spacingHorizontalM);border-radius:var(--borderRadiusMedium);background-color:var(--colorBrandBackground2);border-left:var(--strokeWidthThicker) solid var(--colorBrandStroke1)}
.swe-lesson-label{color:var(--colorBrandForeground2)}
.swe-lesson-text{font-weight:var(--fontWeightSemibold);color:var(--colorNeutralForeground1)}
.swe-figure{margin:0;display:grid;gap:var(--spacingVerticalXXS)}
.swe-quote{margin:0;padding:var(--spacingVerticalXS) var(--spacingHorizontalM);border-left:var(--strokeWidthThick) solid var(--colorNeutralStroke1);font-style:italic;color:var(--colorNeutralForeground2)}
.swe-featured{display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalS);margin:0;padding:0;list-style-type:none}
.swe-person{display:flex;align-items:center;gap:var(--spacingHorizontalXS);font-size:var(--fontSizeBase200);color:var(--colorNeutralForeground2)}
.swe-awaiting{font-style:italic;color:var(--colorNeutralForeground3)}
.swe-avatar{color:var(--colorNeutralForeground3);background-color:var(--colorNeutralBackground6);display:inline-flex;align-items:center;justify-content:center;flex-shrink:0;border-radius:var(--borderRadiusCircular);font-family:var(--fontFamilyBase);font-weight:var(--fontWeightSemibold);vertical-align:middle}
.swe-avatar-24{width:24px;height:24px;font-size:var(--fontSizeBase100)}
.swe-avatar-28{width:28px;height:28px;font-size:var(--fontSizeBase200)}
.swe-link{align-self:flex-start;color:var(--colorBrandForegroundLink);font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightRegular);text-decoration:none;background:none;border:none;padding:0;margin:0;text-align:left}
.swe-read-more{line-height:normal}
.swe-link:hover{text-decoration:underline;color:var(--colorBrandForegroundLinkHover)}
.swe-link:focus-visible{outline:var(--strokeWidthThick) solid var(--colorStrokeFocus2);outline-offset:1px}
.swe-footer{margin-top:auto;display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalS);padding-top:var(--spacingVerticalS);border-top:var(--strokeWidthThin) solid var(--colorNeutralStroke2)}
.swe-author{display:flex;align-items:center;gap:var(--spacingHorizontalS);min-width:0;color:var(--colorNeutralForeground2)}
.swe-spacer{flex-grow:1}
.swe-reactions{display:flex;flex-wrap:wrap;align-items:center;gap:var(--spacingHorizontalS)}
.swe-reaction-count{font-size:var(--fontSizeBase200);line-height:var(--lineHeightBase200);color:var(--colorNeutralForeground2);font-variant-numeric:tabular-nums}
`;

/** The token variables the styles use, e.g. `spacingVerticalM`. */
export function tokensUsed(css: string): string[] {
  return [...new Set([...css.matchAll(/var\(--(\w{1,80})\)/g)].map((m) => m[1] as string))];
}
