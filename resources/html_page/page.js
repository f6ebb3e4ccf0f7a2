// The interactive map page exported by CJM Designer: opened from a file, offline. Everything it shows
// comes from the JSON data block the export wrote (decided there, in the map's language); map text only
// ever goes into the page through textContent and attributes, never innerHTML.
"use strict";

(function () {
  const TEXTS = {
    en: {
      untitled: "Untitled map", heat: "Heat map", off: "Off", worst: "worst", best: "best",
      showOnly: "Show only", allCards: "All cards", count: "{n} of {m} cards",
      zoomIn: "Zoom in", zoomOut: "Zoom out", fit: "Fit",
      details: "Card", funnel: "Funnel", personas: "Personas", stages: "Stages",
      pick: "Click a card on the map to see everything it holds.",
      made: "Made with CJM Designer {version}", exported: "exported {date}", by: "by {author}",
      hint: "Drag to move · wheel or +/− to zoom · 0 fits the map · Enter opens a focused card",
      quality_m: "Contact quality", emotion_m: "Emotion", conversion_m: "Conversion", clicks_m: "Clicks",
      kpi_m: "KPI attainment",
      channel_f: "Channel", owner_f: "Owner", device_f: "Device", tag_f: "Tag",
      text: "Text", stage: "Stage", lane: "Lane", channel: "Channel", device: "Device", owner: "Owner",
      emotion: "Emotion", quality: "Contact quality", pain: "Pain point", kpi: "KPI", metrics: "Web metrics",
      tags: "Tags", url: "Address (as text)", note: "Note", persona: "Persona",
      ab: "A/B test", winner: "winner", tie: "a tie", comments: "Comments", resolved: "resolved",
      noFunnel: "No funnel figures yet: the stages have no “Entering” numbers.",
      entering: "entered", goOn: "{p} go on", lost: "{n} lost", drop: "largest drop",
      overall: "Overall conversion: {p}", noPersonas: "The map has no personas.",
      gender: "Gender", age: "Age", geography: "Geography", occupation: "Occupation", habits: "Habits",
      interests: "Interests", goals: "Goals", pains: "Pains", quote: "Quote",
      loading: "Drawing the map…", cannotDraw: "This browser cannot unpack the drawing; the panels still work.",
    },
    ru: {
      untitled: "Карта без названия", heat: "Тепловая карта", off: "Выкл.", worst: "хуже", best: "лучше",
      showOnly: "Показывать только", allCards: "Все карточки", count: "{n} из {m} карточек",
      zoomIn: "Крупнее", zoomOut: "Мельче", fit: "Целиком",
      details: "Карточка", funnel: "Воронка", personas: "Персоны", stages: "Этапы",
      pick: "Нажмите на карточку на карте, чтобы увидеть всё, что в ней есть.",
      made: "Сделано в CJM Designer {version}", exported: "экспорт {date}", by: "автор: {author}",
      hint: "Перетаскивайте карту · колесо или +/− меняют масштаб · 0 — целиком · Enter открывает карточку",
      quality_m: "Качество контакта", emotion_m: "Эмоция", conversion_m: "Конверсия", clicks_m: "Клики",
      kpi_m: "Выполнение KPI",
      channel_f: "Канал", owner_f: "Ответственный", device_f: "Устройство", tag_f: "Метка",
      text: "Текст", stage: "Этап", lane: "Дорожка", channel: "Канал", device: "Устройство",
      owner: "Ответственный", emotion: "Эмоция", quality: "Качество контакта", pain: "Болевая точка", kpi: "KPI",
      metrics: "Веб-метрики", tags: "Метки", url: "Адрес (как текст)", note: "Заметка", persona: "Персона",
      ab: "A/B-тест", winner: "победитель", tie: "ничья", comments: "Комментарии", resolved: "решено",
      noFunnel: "Чисел воронки пока нет: у этапов не заполнено поле «Вошли на этап».",
      entering: "вошли", goOn: "дальше {p}", lost: "потеряно {n}", drop: "наибольшая потеря",
      overall: "Сквозная конверсия: {p}", noPersonas: "В карте нет персон.",
      gender: "Пол", age: "Возраст", geography: "География", occupation: "Занятие", habits: "Привычки",
      interests: "Интересы", goals: "Цели", pains: "Боли", quote: "Цитата",
      loading: "Карта рисуется…", cannotDraw: "Этот браузер не может распаковать рисунок; панели работают.",
    },
  };
  const MEASURES = ["quality", "emotion", "conversion", "clicks", "kpi"];
  const MIN_SCALE = 0.02, MAX_SCALE = 8, STEP = 1.25, PAN = 80, DRAG = 4;

  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("map-data").textContent);
  const texts = TEXTS[data.language] || TEXTS.en;
  const t = (key, values) => (texts[key] ?? TEXTS.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name]);

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function option(select, value, text) {
    const item = el("option", "", text);
    item.value = value;
    select.appendChild(item);
  }

  // -- words around the map --------------------------------------------------------------------------

  document.querySelectorAll("[data-text]").forEach((element) => { element.textContent = t(element.dataset.text); });
  document.querySelectorAll("[data-label]").forEach((element) => {
    element.setAttribute("aria-label", t(element.dataset.label));
    element.title = t(element.dataset.label);
  });
  const date = new Date(data.exported + "T12:00:00");
  const shownDate = isNaN(date) ? data.exported
    : date.toLocaleDateString(data.language, { year: "numeric", month: "long", day: "numeric" });
  $("map-title").textContent = data.title || t("untitled");
  $("map-sub").textContent = [data.description, data.author ? t("by", { author: data.author }) : ""]
    .filter(Boolean).join(" · ");
  $("map-sub").title = $("map-sub").textContent;
  $("made").textContent = t("made", { version: data.version }) + " · " + t("exported", { date: shownDate });
  $("hint").textContent = t("hint");

  // -- the drawing and a hit area over each card ------------------------------------------------------

  const viewport = $("viewport"), board = $("board"), drawing = $("drawing"), hits = $("hits");
  const SVG = hits.namespaceURI;
  const [width, height] = data.size;
  board.style.width = width + "px";
  board.style.height = height + "px";
  hits.setAttribute("viewBox", `0 0 ${width} ${height}`);
  hits.setAttribute("width", width);
  hits.setAttribute("height", height);

  function fitDrawing(svg) {
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
  }

  async function unpack(packed) {
    const note = el("p", "loading", t("loading"));
    drawing.appendChild(note);
    try {
      const bytes = Uint8Array.from(atob(packed.textContent), (c) => c.charCodeAt(0));
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      const parsed = new DOMParser().parseFromString(await new Response(stream).text(), "image/svg+xml");
      const svg = document.adoptNode(parsed.documentElement);
      fitDrawing(svg);
      drawing.appendChild(svg);
      note.remove();
    } catch (error) {
      note.textContent = t("cannotDraw");
    }
    packed.remove();
  }

  const inline = drawing.querySelector("svg");
  if (inline) fitDrawing(inline);
  else if ($("map-packed")) unpack($("map-packed"));

  const rects = [];
  const layer = document.createDocumentFragment();
  data.cards.forEach((card, index) => {
    const rect = document.createElementNS(SVG, "rect");
    const [x, y, w, h] = card.box;
    rect.setAttribute("x", x);
    rect.setAttribute("y", y);
    rect.setAttribute("width", w);
    rect.setAttribute("height", h);
    rect.setAttribute("rx", 3);
    rect.setAttribute("class", "hit");
    rect.setAttribute("data-id", card.id);
    rect.setAttribute("tabindex", "0");
    rect.setAttribute("role", "button");
    rect.setAttribute("aria-label", card.title || card.id);
    rect.addEventListener("click", () => { if (!dragged) showCard(index); });
    rect.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        showCard(index);
      }
    });
    rects.push(rect);
    layer.appendChild(rect);
  });
  hits.appendChild(layer);

  // -- zoom and pan -------------------------------------------------------------------------------------

  const view = { scale: 1, x: 0, y: 0 };
  let drawnAt = 0, sharpen = 0;  // the scale the browser last drew the map at, and the timer to draw it anew
  const sharpAfter = data.cards.length > 1000 ? 1.6 : 1.01;  // drawing a big map anew takes seconds: only well zoomed in

  function apply() {
    board.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    clearTimeout(sharpen);
    if (view.scale > drawnAt * sharpAfter || view.scale < drawnAt / 2) sharpen = setTimeout(redraw, 300);
  }

  function redraw() {  // the map moves as one picture (fast on big maps); zoomed in, once it settles, drawn sharp
    drawnAt = view.scale;
    board.style.willChange = "auto";
    requestAnimationFrame(() => requestAnimationFrame(() => { board.style.willChange = ""; }));
  }

  function zoomAt(factor, cx, cy) {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
    view.x = cx - (cx - view.x) * scale / view.scale;
    view.y = cy - (cy - view.y) * scale / view.scale;
    view.scale = scale;
    apply();
  }

  function zoomCentre(factor) {
    zoomAt(factor, viewport.clientWidth / 2, viewport.clientHeight / 2);
  }

  function fit() {
    const room = [viewport.clientWidth - 32, viewport.clientHeight - 32];
    view.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(room[0] / width, room[1] / height)));
    view.x = (viewport.clientWidth - width * view.scale) / 2;
    view.y = (viewport.clientHeight - height * view.scale) / 2;
    apply();
  }

  function start() {  // the map's width filling the view, but never too small to read: then from its top left
    const across = (viewport.clientWidth - 32) / width;
    view.scale = Math.min(1.5, Math.max(0.45, across));
    view.x = Math.max(16, (viewport.clientWidth - width * view.scale) / 2);
    view.y = 16;
    drawnAt = view.scale;  // the browser draws the map first at this scale
    apply();
  }

  $("zoom-in").addEventListener("click", () => zoomCentre(STEP));
  $("zoom-out").addEventListener("click", () => zoomCentre(1 / STEP));
  $("zoom-fit").addEventListener("click", fit);

  viewport.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = viewport.getBoundingClientRect();
    const lines = event.deltaMode === 1 ? 30 : event.deltaMode === 2 ? 300 : 1;
    zoomAt(Math.exp(-event.deltaY * lines * (event.ctrlKey ? 0.01 : 0.0015)),
      event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  const pointers = new Map();
  let dragged = false, pinch = 0;

  function spread() {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  }

  viewport.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY, startX: event.clientX, startY: event.clientY });
    dragged = false;
    if (pointers.size === 2) pinch = spread();
  });
  viewport.addEventListener("pointermove", (event) => {
    const pointer = pointers.get(event.pointerId);
    if (!pointer) return;
    const dx = event.clientX - pointer.x, dy = event.clientY - pointer.y;
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    if (!dragged && Math.hypot(event.clientX - pointer.startX, event.clientY - pointer.startY) > DRAG) {
      dragged = true;
      viewport.setPointerCapture(event.pointerId);
      viewport.classList.add("dragging");
    }
    if (!dragged) return;
    if (pointers.size === 2) {
      const now = spread(), box = viewport.getBoundingClientRect();
      const [a, b] = [...pointers.values()];
      if (pinch) zoomAt(now / pinch, (a.x + b.x) / 2 - box.left, (a.y + b.y) / 2 - box.top);
      pinch = now;
      return;
    }
    view.x += dx;
    view.y += dy;
    apply();
  });
  const release = (event) => {
    pointers.delete(event.pointerId);
    pinch = pointers.size === 2 ? spread() : 0;
    viewport.classList.remove("dragging");
  };
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);

  document.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest("select, input, textarea")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves = { ArrowLeft: [PAN, 0], ArrowRight: [-PAN, 0], ArrowUp: [0, PAN], ArrowDown: [0, -PAN] };
    if (moves[event.key]) {
      view.x += moves[event.key][0];
      view.y += moves[event.key][1];
      apply();
    } else if (event.key === "+" || event.key === "=") zoomCentre(STEP);
    else if (event.key === "-" || event.key === "_") zoomCentre(1 / STEP);
    else if (event.key === "0") fit();
    else if (event.key === "Escape") closeSheet();
    else return;
    event.preventDefault();
  });

  // -- the panel: tabs, and a bottom sheet on a phone --------------------------------------------------

  const panel = $("panel");
  const phone = window.matchMedia("(max-width: 720px)");  // the panel is then a bottom sheet
  const tabs = [...panel.querySelectorAll("[data-tab]")];

  function showTab(name) {
    tabs.forEach((tab) => {
      const chosen = tab.dataset.tab === name;
      tab.setAttribute("aria-selected", String(chosen));
      $("tab-" + tab.dataset.tab).hidden = !chosen;
    });
    panel.classList.add("open");
  }

  function closeSheet() {
    panel.classList.remove("open");
  }

  tabs.forEach((tab) => tab.addEventListener("click", () => {
    if (panel.classList.contains("open") && tab.getAttribute("aria-selected") === "true") closeSheet();
    else showTab(tab.dataset.tab);
  }));

  // -- a card's details -------------------------------------------------------------------------------

  const details = $("tab-details");
  let selected = null;

  function rows(list, labelOf) {
    const table = el("dl", "rows");
    list.forEach(([field, value]) => {
      table.appendChild(el("dt", "", labelOf(field)));
      table.appendChild(el("dd", field === "url" ? "url" : "", value));
    });
    return table;
  }

  function showCard(index) {
    const card = data.cards[index];
    if (selected) selected.classList.remove("selected");
    selected = rects[index];
    selected.classList.add("selected");
    details.replaceChildren();
    details.appendChild(el("h2", "card-title", card.title || card.id));
    const pain = card.rows.some(([field]) => field === "pain");
    if (pain) details.appendChild(el("p", "chip pain", t("pain")));
    details.appendChild(rows(card.rows.filter(([field]) => field !== "pain"), (field) => t(field)));
    if (card.ab) {
      const box = el("section", "ab");
      box.appendChild(el("h3", "", t("ab")));
      const list = el("ul", "variants");
      card.ab.variants.forEach((variant) => {
        const item = el("li", variant.won ? "won" : "");
        item.appendChild(el("strong", "", variant.name));
        if (variant.won) item.appendChild(el("span", "chip win", t("winner") + (card.ab.lift ? " " + card.ab.lift : "")));
        if (variant.description) item.appendChild(el("div", "", variant.description));
        if (variant.metrics) item.appendChild(el("div", "muted", variant.metrics));
        list.appendChild(item);
      });
      box.appendChild(list);
      if (card.ab.tie) box.appendChild(el("p", "muted", card.ab.tie));
      details.appendChild(box);
    }
    if (card.comments) {
      const box = el("section", "comments");
      box.appendChild(el("h3", "", t("comments")));
      card.comments.forEach((comment) => {
        const item = el("div", "comment" + (comment.resolved ? " resolved" : ""));
        item.appendChild(el("div", "muted", [comment.author, comment.date, comment.resolved ? t("resolved") : ""]
          .filter(Boolean).join(" · ")));
        item.appendChild(el("div", "", comment.text));
        box.appendChild(item);
      });
      details.appendChild(box);
    }
    showTab("details");
    keepInSight(selected);
  }

  function keepInSight(element) {  // on a phone the sheet covers the lower part of the map: the card moves up
    const box = element.getBoundingClientRect(), area = viewport.getBoundingClientRect();
    const bottom = phone.matches ? Math.min(area.bottom, panel.getBoundingClientRect().top) : area.bottom;
    if (box.top >= area.top && box.bottom <= bottom) return;
    view.y += area.top + 12 - box.top;
    if (box.left < area.left || box.right > area.right) view.x += area.left + 12 - box.left;
    apply();
  }

  details.appendChild(el("p", "muted", t("pick")));

  // -- heat map ----------------------------------------------------------------------------------------

  const heat = $("heat"), legend = $("legend");
  option(heat, "", t("off"));
  MEASURES.filter((measure) => data.heat[measure]).forEach((measure) => option(heat, measure, t(measure + "_m")));
  $("legend-bar").style.background = `linear-gradient(90deg, ${data.legend.join(", ")})`;
  heat.addEventListener("change", () => {
    const colours = data.heat[heat.value];
    rects.forEach((rect, index) => {
      rect.style.fill = colours ? colours[index] : "";
      rect.classList.toggle("heat", Boolean(colours));
    });
    legend.hidden = !colours;
  });

  // -- show only ---------------------------------------------------------------------------------------

  const field = $("filter-field"), value = $("filter-value"), counted = $("filter-count");
  option(field, "", t("allCards"));
  Object.keys(data.filters).filter((name) => data.filters[name].length)
    .forEach((name) => option(field, name, t(name + "_f")));

  function filter() {
    const choices = data.filters[field.value];
    const chosen = choices ? choices[Number(value.value)] : null;
    const shown = chosen ? new Set(chosen.cards) : null;
    rects.forEach((rect, index) => rect.classList.toggle("faded", Boolean(shown) && !shown.has(index)));
    counted.hidden = !shown;
    counted.textContent = shown ? t("count", { n: shown.size, m: rects.length }) : "";
  }

  field.addEventListener("change", () => {
    value.replaceChildren();
    const choices = data.filters[field.value] || [];
    choices.forEach((choice, index) => option(value, String(index), choice.label));
    value.hidden = !choices.length;
    filter();
  });
  value.addEventListener("change", filter);

  // -- funnel, personas, stages ------------------------------------------------------------------------

  const funnel = $("tab-funnel");
  const steps = data.funnel.steps;
  const most = Math.max(0, ...steps.map((step) => step.entering || 0));
  if (!most) funnel.appendChild(el("p", "muted", t("noFunnel")));
  else {
    const chart = el("div", "chart");
    steps.forEach((step) => {
      const row = el("div", "step" + (step.drop ? " drop" : ""));
      row.appendChild(el("div", "step-name", step.stage));
      const bar = el("div", "bar");
      const fill = el("span", "");
      fill.style.width = ((step.entering || 0) / most * 100).toFixed(1) + "%";
      bar.appendChild(fill);
      bar.appendChild(el("b", "", step.entering === null ? "—" : step.enteringText));
      row.appendChild(bar);
      const onward = [step.conversion ? t("goOn", { p: step.conversion }) : "", step.lost ? t("lost", { n: step.lost }) : "",
        step.drop ? t("drop") : ""].filter(Boolean).join(" · ");
      if (onward) row.appendChild(el("div", "onward", "↓ " + onward));
      chart.appendChild(row);
    });
    funnel.appendChild(chart);
    if (data.funnel.overall) funnel.appendChild(el("p", "overall", t("overall", { p: data.funnel.overall })));
  }

  const personas = $("tab-personas");
  if (!data.personas.length) personas.appendChild(el("p", "muted", t("noPersonas")));
  data.personas.forEach((persona) => {
    const box = el("article", "persona");
    const head = el("div", "persona-head");
    if (persona.photo.startsWith("data:image/")) {
      const photo = el("img", "photo");
      photo.alt = "";
      photo.src = persona.photo;
      head.appendChild(photo);
    } else {
      const initial = el("span", "photo initial", (persona.name || "?").slice(0, 1));
      if (/^#[0-9a-fA-F]{6}$/.test(persona.color)) initial.style.background = persona.color;
      head.appendChild(initial);
    }
    head.appendChild(el("h3", "", persona.name));
    box.appendChild(head);
    box.appendChild(rows(persona.rows, (name) => t(name)));
    personas.appendChild(box);
  });

  const stages = $("tab-stages");
  const list = el("ol", "stage-list");
  data.stages.forEach((stage) => {
    const item = el("li", "");
    const button = el("button", "link", stage.name);
    button.type = "button";
    button.addEventListener("click", () => {
      view.scale = Math.max(view.scale, Math.min(1, (viewport.clientWidth - 32) / stage.w));
      view.x = 16 - stage.x * view.scale;
      view.y = Math.min(16, view.y);
      apply();
      if (phone.matches) closeSheet();
    });
    item.appendChild(button);
    list.appendChild(item);
  });
  stages.appendChild(list);

  showTab("details");
  if (phone.matches) closeSheet();
  start();
  window.addEventListener("resize", () => { if (view.scale * width < viewport.clientWidth) fit(); });
})();
