// Scoped by the p- prefix; light and dark themes through custom properties.
export const css = `
.p-root{--p-ink:#1a1a1a;--p-muted:#595959;--p-rule:#ddd6cb;--p-bg:transparent;--p-accent:#0b4f8a;--p-warn:#fdf4e3;--p-err:#fbeeee;font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:var(--p-ink);background:var(--p-bg)}
.p-dark .p-root{--p-ink:#eee;--p-muted:#b5b5b5;--p-rule:#444;--p-bg:#161616;--p-accent:#8cc4ff;--p-warn:#3a3020;--p-err:#3a2020}
.p-dark body{background:#161616}
.p-root a{color:var(--p-accent)}
.p-guidelines{background:var(--p-warn);padding:.6rem .8rem;border-left:4px solid #9b1c1c;margin:0 0 1rem}
.p-composer{margin:0 0 1rem}
.p-composer textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:3px;background:transparent;color:inherit}
.p-field{position:relative}.p-field textarea{position:relative;display:block}
.p-layer{position:absolute;inset:0;box-sizing:border-box;padding:.5rem;border:1px solid transparent;font:inherit;white-space:pre-wrap;overflow-wrap:break-word;overflow:hidden;color:transparent;pointer-events:none}
.p-mark{color:transparent;background:#ffd54a;border-radius:2px;box-shadow:0 2px 0 #b3261e}
.p-label{display:block;font-weight:600;margin-bottom:.25rem}
.p-row{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin-top:.35rem}
.p-count{color:var(--p-muted);font-size:.8rem}.p-over{color:#b00020}
.p-button{background:var(--p-ink);color:var(--p-bg,#fff);border:0;border-radius:3px;padding:.4rem .9rem;font:600 .9rem inherit;cursor:pointer}
.p-root .p-button{color:#fff;background:#1a1a1a}.p-dark .p-root .p-button{background:#eee;color:#161616}
.p-button[disabled]{opacity:.5;cursor:default}
.p-secondary{background:transparent!important;color:var(--p-ink)!important;border:1px solid var(--p-ink)}
.p-link{background:none;border:0;padding:0;margin-right:.8rem;color:var(--p-accent);font:inherit;font-size:.85rem;cursor:pointer;text-decoration:none}
.p-inline{margin-right:0}
.p-link[disabled]{color:var(--p-muted);cursor:default}
.p-reacted{font-weight:700}
.p-toolbar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;justify-content:space-between;border-bottom:2px solid var(--p-ink);padding:.4rem 0;margin:1rem 0 .5rem;font-size:.9rem}
.p-tab{background:none;border:0;border-bottom:2px solid transparent;font:inherit;color:inherit;cursor:pointer;padding:.1rem .3rem}
.p-tab[aria-selected=true]{border-bottom-color:var(--p-accent);font-weight:700}
.p-list,.p-replies{list-style:none;margin:0;padding:0}
.p-replies{margin-left:.9rem;padding-left:.8rem;border-left:2px solid var(--p-rule)}
.p-comment{padding:.6rem 0;border-top:1px solid var(--p-rule)}
.p-replies .p-comment:first-child{border-top:0}
.p-meta{font-size:.85rem;color:var(--p-muted)}.p-meta strong{color:var(--p-ink)}
.p-avatar{display:inline-flex;align-items:center;justify-content:center;width:1.7rem;height:1.7rem;border-radius:50%;color:#fff;font:700 .7rem/1 inherit;margin-right:.4rem;vertical-align:middle}
.p-badge{display:inline-block;font:600 .68rem inherit;text-transform:uppercase;letter-spacing:.04em;background:#e7eef6;color:#0b3d6b;border-radius:2px;padding:0 .3rem;margin-left:.3rem}
.p-by-author>article{background:rgba(255,200,60,.15);padding:.2rem .4rem;border-radius:3px}
.p-highlight>article{outline:3px solid #f5b700;outline-offset:2px}
.p-body p{margin:.3rem 0}.p-body blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid var(--p-rule);color:var(--p-muted)}
.p-deleted .p-body{color:var(--p-muted);font-style:italic}
.p-status{background:var(--p-warn);padding:.25rem .5rem;font-size:.85rem;margin:.25rem 0}.p-refused{background:var(--p-err)}
.p-error{background:var(--p-err);padding:.4rem .6rem;margin:.4rem 0;font-size:.9rem}.p-error p{margin:.2rem 0}
.p-note,.p-closed,.p-user{font-size:.9rem}
.p-new{display:block;margin:.5rem auto}
.p-report{display:grid;gap:.3rem;margin:.5rem 0;max-width:24rem;font-size:.9rem}
.p-report select,.p-report input{font:inherit;padding:.25rem}
.p-load-more{margin:1rem 0}
.p-more{margin:.25rem 0 0 1.8rem}
.p-bell{position:relative}.p-notes{position:absolute;z-index:5;left:0;top:1.6rem;width:min(22rem,90vw);list-style:none;margin:0;padding:.4rem;background:#fff;color:#1a1a1a;border:1px solid var(--p-rule);box-shadow:0 4px 12px rgba(0,0,0,.15)}.p-notes li{padding:.35rem;border-bottom:1px solid var(--p-rule);font-size:.85rem}.p-unread{background:#eef4fa}
.p-root :focus-visible{outline:3px solid #f5b700;outline-offset:2px}
`;
