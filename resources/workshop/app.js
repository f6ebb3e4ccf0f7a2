// The workshop participant's page: add cards to the facilitator's map, vote with dots, comment on cards.
// Served by the program itself on the room's network (no internet, no CDN). Map and user text is data:
// it only ever goes into the page through textContent, never innerHTML.
"use strict";

(function () {
  const TEXTS = {
    en: {
      title: "Workshop",
      welcome: "Welcome to the workshop",
      nameHint: "Your name is shown beside the cards you send. It stays on this device.",
      nameLabel: "Your name",
      nameContinue: "Continue",
      nameMissing: "Please type your name.",
      whoami: "You are {name}.",
      rename: "Change",
      stage: "Stage",
      lane: "What kind of card?",
      addTo: "Add a card to “{stage}”",
      cardLabel: "Your card",
      send: "Send",
      sending: "Sending…",
      sent: "Sent! The facilitator will see it in the Inbox.",
      cardMissing: "Type the card's text first.",
      laneMissing: "Pick what kind of card it is.",
      noLanes: "The map has no lanes to add cards to yet.",
      counter: "{n} / {max}",
      onMap: "On the map at “{stage}”",
      commentHint: "Tap a card to comment on it.",
      boardEmpty: "No cards at this stage yet.",
      comments: "{n} comments",
      comment1: "1 comment",
      noComments: "Comment",
      commentLabel: "Your comment",
      sendComment: "Send",
      commentSent: "Comment sent.",
      commentMissing: "Type the comment first.",
      yourCards: "Your cards",
      waiting: "waiting for the facilitator",
      vote: "Vote: {name}",
      voteUnnamed: "Dot vote",
      dotsLeft: "{n} dots left",
      dotLeft: "1 dot left",
      noDotsLeft: "No dots left",
      endsIn: "ends in {time}",
      voteOver: "The vote has ended.",
      errDots: "That is more dots than the vote gives. Take some back and send again.",
      voters: "{n} voted so far",
      voteEmpty: "There are no cards to vote on yet.",
      addDot: "Add a dot to “{card}”",
      removeDot: "Take a dot from “{card}”",
      yourDots: "your dots",
      total: "{n} in total",
      sendBallot: "Send my votes",
      ballotSent: "Your votes are in. You can change them and send again.",
      ballotEmpty: "Put at least one dot on a card first.",
      connecting: "Connecting…",
      live: "Live",
      polling: "Connected (updates every few seconds)",
      offline: "Offline",
      err403: "This invitation link no longer works. Ask the facilitator for the current one.",
      err422: "That place is no longer on the map (the facilitator just changed it). Pick again and resend.",
      err429: "Too many sends at once. Wait a few seconds and try again.",
      err400: "The server could not read that. Shorten the text and try again.",
      errOffline: "No connection to the facilitator's laptop. Your text is kept: check the Wi-Fi and try again. " +
        "If the facilitator moved the room to another network, scan the new code.",
      errOther: "Something went wrong on the facilitator's laptop. Try again in a moment.",
    },
    ru: {
      title: "Воркшоп",
      welcome: "Добро пожаловать на воркшоп",
      nameHint: "Ваше имя будет видно рядом с вашими карточками. Оно хранится только на этом устройстве.",
      nameLabel: "Ваше имя",
      nameContinue: "Продолжить",
      nameMissing: "Пожалуйста, введите имя.",
      whoami: "Вы — {name}.",
      rename: "Изменить",
      stage: "Этап",
      lane: "Что это за карточка?",
      addTo: "Добавить карточку в этап «{stage}»",
      cardLabel: "Ваша карточка",
      send: "Отправить",
      sending: "Отправляем…",
      sent: "Отправлено! Ведущий увидит карточку во входящих.",
      cardMissing: "Сначала напишите текст карточки.",
      laneMissing: "Выберите, что это за карточка.",
      noLanes: "На карте пока нет дорожек для карточек.",
      counter: "{n} / {max}",
      onMap: "На карте в этапе «{stage}»",
      commentHint: "Нажмите на карточку, чтобы её прокомментировать.",
      boardEmpty: "На этом этапе пока нет карточек.",
      comments: "Комментариев: {n}",
      comment1: "1 комментарий",
      noComments: "Комментировать",
      commentLabel: "Ваш комментарий",
      sendComment: "Отправить",
      commentSent: "Комментарий отправлен.",
      commentMissing: "Сначала напишите комментарий.",
      yourCards: "Ваши карточки",
      waiting: "ждёт ведущего",
      vote: "Голосование: {name}",
      voteUnnamed: "Голосование точками",
      dotsLeft: "Осталось точек: {n}",
      dotLeft: "Осталась 1 точка",
      noDotsLeft: "Точек не осталось",
      endsIn: "до конца {time}",
      voteOver: "Голосование закончилось.",
      errDots: "Это больше точек, чем даёт голосование. Уберите лишние и отправьте снова.",
      voters: "Уже проголосовали: {n}",
      voteEmpty: "Пока нет карточек для голосования.",
      addDot: "Добавить точку карточке «{card}»",
      removeDot: "Убрать точку с карточки «{card}»",
      yourDots: "ваши точки",
      total: "всего {n}",
      sendBallot: "Отправить мои голоса",
      ballotSent: "Ваши голоса учтены. Их можно изменить и отправить снова.",
      ballotEmpty: "Сначала поставьте хотя бы одну точку.",
      connecting: "Подключаемся…",
      live: "На связи",
      polling: "На связи (обновление раз в несколько секунд)",
      offline: "Нет связи",
      err403: "Эта ссылка-приглашение больше не действует. Попросите у ведущего новую.",
      err422: "Этого места на карте уже нет (ведущий только что её изменил). Выберите снова и отправьте.",
      err429: "Слишком много отправок подряд. Подождите несколько секунд и попробуйте снова.",
      err400: "Сервер не смог это прочитать. Сократите текст и попробуйте снова.",
      errOffline: "Нет связи с ноутбуком ведущего. Текст сохранён: проверьте Wi-Fi и попробуйте снова. " +
        "Если ведущий перенёс комнату в другую сеть, отсканируйте новый код.",
      errOther: "На ноутбуке ведущего что-то пошло не так. Попробуйте ещё раз чуть позже.",
    },
  };

  // The card types a participant thinks in, first among the lanes (model/vocab.py LaneKind).
  const KIND_ORDER = ["pain_points", "thoughts", "opportunities", "touchpoints"];
  // An emotion is a score on a curve, not a text a phone can send.
  const NOT_FOR_CARDS = new Set(["emotions"]);
  const POLL_MS = 5000;
  const MAX_BACKOFF_MS = 30000;
  const CARD_MAX = 500;
  const COMMENT_MAX = 1000;
  const NAME_MAX = 40;
  const STORE = "cjm-workshop:" + location.pathname;

  const $ = (id) => document.getElementById(id);
  const state = {
    language: (navigator.language || "en").toLowerCase().startsWith("ru") ? "ru" : "en",
    board: null,
    stage: null,
    lane: null,
    openCard: null,
    ballot: {},
    totals: {},
    voters: undefined,
    socket: null,
    drawn: {},
    boardWaits: false,
    keptForm: null,
    backoff: 1000,
    pollTimer: null,
    voteTimer: null,
    gone: false,
  };

  // ---- storage: this device's name, client id, sent cards and ballot ------------------------------------

  function load(key, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(STORE + ":" + key));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(STORE + ":" + key, JSON.stringify(value));
    } catch (error) {
      // Private mode or a full storage: the page still works for this visit.
    }
  }

  let sessionName = ""; // the name when this browser keeps no storage

  function participantName() {
    try {
      return localStorage.getItem("cjm-workshop-name") || sessionName;
    } catch (error) {
      return sessionName;
    }
  }

  function clientId() {
    let id = load("client", "");
    if (!id) {
      // crypto.randomUUID needs a secure context, and the room's page is plain http.
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      save("client", id);
    }
    return id;
  }

  // ---- text -------------------------------------------------------------------------------------------

  function t(key, values) {
    const table = TEXTS[state.language] || TEXTS.en;
    let text = table[key] !== undefined ? table[key] : TEXTS.en[key];
    for (const [name, value] of Object.entries(values || {})) {
      text = text.split("{" + name + "}").join(String(value));
    }
    return text;
  }

  function dotsLeftText(n) {
    if (n <= 0) return t("noDotsLeft");
    return n === 1 ? t("dotLeft") : t("dotsLeft", { n });
  }

  function commentsText(n) {
    if (!n) return t("noComments");
    return n === 1 ? t("comment1") : t("comments", { n });
  }

  function plainText(value) {
    // The server refuses control characters; keep line breaks, drop the rest.
    return value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ").trim();
  }

  function translateStatic() {
    document.documentElement.lang = state.language;
    for (const element of document.querySelectorAll("[data-t]")) {
      element.textContent = t(element.dataset.t);
    }
  }

  function node(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // ---- the board as the server describes it -------------------------------------------------------------

  function normalised(raw) {
    // Only the fields the page uses, with a default for each, so a partial board cannot break it.
    const vote = raw.vote ? {
      id: raw.vote.id, name: raw.vote.name || "", lanes: raw.vote.lanes || [], dots: Number(raw.vote.dots) || 0,
      ends: raw.vote.ends || null,
    } : null;
    return {
      title: raw.title || "",
      language: raw.language === "ru" ? "ru" : "en",
      // A stage's colour is used when the board gives one (`color`, "#rrggbb").
      stages: (raw.stages || []).map((s) => ({ id: s.id, name: s.name || "", color: s.color || null })),
      lanes: (raw.lanes || []).map((l) => ({ id: l.id, name: l.name || "", kind: l.kind || "text" })),
      cards: (raw.cards || []).map((c) => ({
        id: c.id, stage: c.stage, lane: c.lane, title: c.title || "", comments: Number(c.comments) || 0,
      })),
      vote,
    };
  }

  function cardTargets() {
    const lanes = state.board.lanes.filter((lane) => !NOT_FOR_CARDS.has(lane.kind));
    const rank = (lane) => {
      const index = KIND_ORDER.indexOf(lane.kind);
      return index < 0 ? KIND_ORDER.length : index;
    };
    return lanes.map((lane, index) => ({ lane, index })).sort((a, b) => rank(a.lane) - rank(b.lane) || a.index - b.index)
      .map((item) => item.lane);
  }

  // ---- problems and connection ------------------------------------------------------------------------

  function showProblem(key) {
    const problem = $("problem");
    problem.textContent = key ? t(key) : "";
    problem.hidden = !key;
  }

  function errorKey(status, data) {
    const code = data && data.error;
    if (code === "vote-closed" || code === "unknown-vote") return "voteOver";
    if (code === "too-many-dots") return "errDots";
    if (status === 0) return "errOffline";
    if (status === 403) return "err403";
    if (status === 422) return "err422";
    if (status === 429) return "err429";
    if (status === 400 || status === 413) return "err400";
    return "errOther";
  }

  function setConnection(mode) {
    const element = $("connection");
    element.dataset.state = mode;
    $("connection-text").textContent = t(mode);
  }

  async function api(method, path, body) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
        cache: "no-store",
        credentials: "omit",
      });
    } catch (error) {
      return { status: 0, data: null };
    }
    let data = null;
    try {
      data = await response.json();
    } catch (error) {
      data = null;
    }
    if (response.status === 403) {
      state.gone = true;
      stopUpdates();
      showProblem("err403");
      setConnection("offline");
    }
    return { status: response.status, data };
  }

  async function fetchBoard() {
    const { status, data } = await api("GET", "api/map");
    if (status === 200 && data) {
      applyBoard(data);
      return true;
    }
    if (status !== 403) setConnection("offline");
    return false;
  }

  function stopUpdates() {
    if (state.pollTimer) clearInterval(state.pollTimer);
    state.pollTimer = null;
    if (state.socket) state.socket.close();
    state.socket = null;
  }

  function startPolling() {
    if (state.pollTimer || state.gone) return;
    setConnection("polling");
    state.pollTimer = setInterval(async () => {
      const live = state.socket && state.socket.readyState === WebSocket.OPEN;
      if ((await fetchBoard()) && !live) setConnection("polling");
    }, POLL_MS);
  }

  function connect() {
    if (state.gone || !("WebSocket" in window)) {
      startPolling();
      return;
    }
    const url = new URL("api/events", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    let socket;
    try {
      socket = new WebSocket(url.href);
    } catch (error) {
      startPolling();
      return;
    }
    state.socket = socket;
    socket.addEventListener("open", () => {
      state.backoff = 1000;
      if (state.pollTimer) clearInterval(state.pollTimer);
      state.pollTimer = null;
      setConnection("live"); // the server sends the board as the socket opens
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (message.type === "map" && message.board) applyBoard(message.board);
      if (message.type === "votes" && state.board && state.board.vote && message.vote === state.board.vote.id) {
        state.totals = message.counts || {};
        state.voters = message.voters;
        renderVote();
      }
    });
    socket.addEventListener("close", () => {
      if (state.socket !== socket || state.gone) return;
      state.socket = null;
      // Keep the page current while the socket is away, and try it again later, less and less often.
      startPolling();
      fetchBoard().then((ok) => setConnection(ok ? "polling" : "offline"));
      setTimeout(connect, state.backoff);
      state.backoff = Math.min(state.backoff * 2, MAX_BACKOFF_MS);
    });
  }

  // ---- rendering ----------------------------------------------------------------------------------------

  function applyBoard(raw) {
    const board = normalised(raw);
    const languageChanged = !state.board || board.language !== state.language;
    const previousVote = state.board && state.board.vote ? state.board.vote.id : null;
    state.board = board;
    state.language = board.language;
    if (languageChanged) {
      translateStatic();
      setConnection($("connection").dataset.state);
    }
    document.title = board.title ? board.title + " — " + t("title") : t("title");
    $("map-title").textContent = board.title || t("title");
    if (!board.stages.some((stage) => stage.id === state.stage)) {
      state.stage = board.stages.length ? board.stages[0].id : null;
    }
    const targets = cardTargets();
    if (!targets.some((lane) => lane.id === state.lane)) state.lane = targets.length ? targets[0].id : null;
    if (board.vote && board.vote.id !== previousVote) {
      state.ballot = load("ballot:" + board.vote.id, {});
      state.totals = {};
      state.voters = undefined;
    }
    renderAll();
  }

  function renderAll() {
    renderWho();
    if (!state.board) return;
    renderStages();
    renderLanes();
    renderBoard();
    renderVote();
    renderMine();
    updateCounter($("card-text"), $("card-counter"), CARD_MAX);
  }

  function renderWho() {
    const name = participantName();
    $("name-step").hidden = Boolean(name) || !state.board;
    $("workspace").hidden = !name || !state.board;
    $("whoami").hidden = !name;
    $("whoami-text").textContent = t("whoami", { name });
  }

  function stageName(id) {
    const stage = state.board.stages.find((s) => s.id === id);
    return stage ? stage.name : "";
  }

  function colourise(element, colour) {
    // Through the CSSOM, which the page's Content-Security-Policy allows (inline style attributes it does not).
    if (colour && /^#[0-9a-fA-F]{6}$/.test(colour)) element.style.setProperty("--stage", colour);
  }

  function redrawn(part, looks) {
    // A live update redraws only what changed: a redrawn button loses the finger or the focus on it.
    const signature = JSON.stringify([state.language, looks]);
    if (state.drawn[part] === signature) return false;
    state.drawn[part] = signature;
    return true;
  }

  function renderStages() {
    if (!redrawn("stages", [state.board.stages, state.stage])) return;
    const list = $("stage-list");
    list.replaceChildren();
    list.setAttribute("aria-label", t("stage"));
    state.board.stages.forEach((stage, index) => {
      const button = node("button", "stage-chip");
      button.type = "button";
      button.setAttribute("role", "radio");
      button.setAttribute("aria-checked", String(stage.id === state.stage));
      button.dataset.stage = stage.id;
      button.tabIndex = stage.id === state.stage ? 0 : -1;
      colourise(button, stage.color);
      button.append(node("span", "stage-number", String(index + 1)), node("span", "stage-name", stage.name));
      button.addEventListener("click", () => chooseStage(stage.id));
      button.addEventListener("keydown", (event) => stepStage(event, index));
      list.append(button);
    });
  }

  function chooseStage(id) {
    state.stage = id;
    state.openCard = null;
    renderStages();
    renderLanes();
    renderBoard();
    const selected = $("stage-list").querySelector('[aria-checked="true"]');
    if (selected) selected.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function stepStage(event, index) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const stages = state.board.stages;
    const next = stages[(index + step + stages.length) % stages.length];
    chooseStage(next.id);
    const button = $("stage-list").querySelector(`[data-stage="${CSS.escape(next.id)}"]`);
    if (button) button.focus();
  }

  function renderLanes() {
    $("add-heading").textContent = t("addTo", { stage: stageName(state.stage) });
    const targets = cardTargets();
    if (!redrawn("lanes", [targets, state.lane])) return;
    const list = $("lane-list");
    list.replaceChildren();
    if (!targets.length) list.append(node("p", "hint", t("noLanes")));
    for (const lane of targets) {
      const label = node("label", "lane-chip");
      label.dataset.kind = lane.kind;
      const input = node("input");
      input.type = "radio";
      input.name = "lane";
      input.value = lane.id;
      input.checked = lane.id === state.lane;
      input.addEventListener("change", () => {
        state.lane = lane.id;
      });
      label.append(input, node("span", "lane-mark"), node("span", "lane-name", lane.name));
      list.append(label);
    }
  }

  function renderBoard() {
    $("board-heading").textContent = t("onMap", { stage: stageName(state.stage) });
    const holder = $("board-lanes");
    const openForm = holder.querySelector(".comment-form");
    if (openForm && openForm.contains(document.activeElement)) {
      // Someone is typing a comment: the update waits until they leave the comment box.
      state.boardWaits = true;
      return;
    }
    const cards = state.board.cards.filter((card) => card.stage === state.stage);
    if (!redrawn("board", [state.board.lanes, cards, state.openCard])) return;
    state.keptForm = openForm;
    holder.replaceChildren();
    let shown = 0;
    for (const lane of state.board.lanes) {
      const laneCards = cards.filter((card) => card.lane === lane.id);
      if (!laneCards.length) continue;
      shown += laneCards.length;
      const group = node("div", "board-lane");
      group.dataset.kind = lane.kind;
      group.append(node("h3", "board-lane-name", lane.name));
      const list = node("ul", "board-cards");
      for (const card of laneCards) list.append(boardCard(card));
      group.append(list);
      holder.append(group);
    }
    $("board-empty").hidden = shown > 0;
    state.keptForm = null;
  }

  function boardLeft(event) {
    const form = $("board-lanes").querySelector(".comment-form");
    if (!state.boardWaits || (form && form.contains(event.relatedTarget))) return;
    state.boardWaits = false;
    setTimeout(renderBoard, 0);
  }

  function boardCard(card) {
    const item = node("li", "board-card");
    item.dataset.card = card.id;
    const button = node("button", "card-button");
    button.type = "button";
    button.setAttribute("aria-expanded", String(state.openCard === card.id));
    button.append(node("span", "card-title", card.title), node("span", "card-comments", commentsText(card.comments)));
    button.addEventListener("click", () => {
      state.openCard = state.openCard === card.id ? null : card.id;
      renderBoard();
      const form = document.querySelector(`[data-card="${CSS.escape(card.id)}"] textarea`);
      if (form) form.focus();
    });
    item.append(button);
    if (state.openCard === card.id) {
      // The same form stays across redraws: what was typed and its "sent" line with it.
      const kept = state.keptForm && state.keptForm.dataset.forCard === card.id ? state.keptForm : null;
      item.append(kept || commentForm(card));
    }
    return item;
  }

  function commentForm(card) {
    const form = $("comment-template").content.firstElementChild.cloneNode(true);
    const textarea = form.querySelector("textarea");
    const label = form.querySelector("label");
    const counter = form.querySelector(".counter");
    const status = form.querySelector(".status");
    for (const element of form.querySelectorAll("[data-t]")) element.textContent = t(element.dataset.t);
    form.dataset.forCard = card.id;
    textarea.id = "comment-" + card.id;
    label.htmlFor = textarea.id;
    textarea.value = load("draft-comment:" + card.id, "");
    updateCounter(textarea, counter, COMMENT_MAX);
    textarea.addEventListener("input", () => {
      updateCounter(textarea, counter, COMMENT_MAX);
      save("draft-comment:" + card.id, textarea.value);
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = plainText(textarea.value);
      if (!text) {
        status.textContent = t("commentMissing");
        return;
      }
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      const { status: code, data } = await api("POST", "api/comments", { card: card.id, author: participantName(), text });
      button.disabled = false;
      if (code === 201) {
        textarea.value = "";
        save("draft-comment:" + card.id, "");
        updateCounter(textarea, counter, COMMENT_MAX);
        status.textContent = t("commentSent");
        showProblem(null);
      } else {
        status.textContent = "";
        showProblem(errorKey(code, data));
        if (code === 422) fetchBoard();
      }
    });
    return form;
  }

  function updateCounter(textarea, counter, max) {
    counter.textContent = t("counter", { n: textarea.value.length, max });
    counter.classList.toggle("near-limit", textarea.value.length > max * 0.9);
  }

  // ---- voting -------------------------------------------------------------------------------------------

  function ballotTotal() {
    return Object.values(state.ballot).reduce((sum, n) => sum + n, 0);
  }

  function voteCards() {
    const vote = state.board.vote;
    const stageOrder = new Map(state.board.stages.map((stage, index) => [stage.id, index]));
    const laneOrder = new Map(state.board.lanes.map((lane, index) => [lane.id, index]));
    return state.board.cards.filter((card) => vote.lanes.includes(card.lane) && stageOrder.has(card.stage))
      .sort((a, b) => stageOrder.get(a.stage) - stageOrder.get(b.stage) || laneOrder.get(a.lane) - laneOrder.get(b.lane));
  }

  function voteOver() {
    const vote = state.board.vote;
    return Boolean(vote.ends) && Date.parse(vote.ends) <= Date.now();
  }

  function renderVote() {
    const section = $("vote");
    const vote = state.board && state.board.vote;
    section.hidden = !vote;
    if (state.voteTimer) clearInterval(state.voteTimer);
    state.voteTimer = null;
    if (!vote) return;
    const cards = voteCards();
    const ids = new Set(cards.map((card) => card.id));
    for (const id of Object.keys(state.ballot)) if (!ids.has(id)) delete state.ballot[id];
    $("vote-heading").textContent = vote.name ? t("vote", { name: vote.name }) : t("voteUnnamed");
    const left = vote.dots - ballotTotal();
    const over = voteOver();
    $("dots-left").textContent = dotsLeftText(left);
    $("dots-left").classList.toggle("none-left", left <= 0);
    const list = $("vote-cards");
    if (redrawn("vote", [cards, state.board.stages])) list.replaceChildren(...voteRows(cards));
    for (const card of cards) {
      showDots(list.querySelector(`[data-card="${CSS.escape(card.id)}"]`), card.id, left, over);
    }
    $("vote-empty").hidden = cards.length > 0;
    $("send-ballot").disabled = over || cards.length === 0;
    $("vote-voters").textContent = state.voters > 0 ? t("voters", { n: state.voters }) : "";
    showEnds();
    if (vote.ends && !over) state.voteTimer = setInterval(showEnds, 1000);
  }

  function showEnds() {
    const vote = state.board.vote;
    const element = $("vote-ends");
    if (!vote || !vote.ends) {
      element.textContent = "";
      return;
    }
    const seconds = Math.max(0, Math.round((Date.parse(vote.ends) - Date.now()) / 1000));
    if (seconds === 0) {
      element.textContent = t("voteOver");
      if (state.voteTimer) renderVote();
      return;
    }
    const time = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    element.textContent = t("endsIn", { time });
  }

  function voteRows(cards) {
    // The cards under their stages' names, in the map's order: the stage is said once, not on every
    // card (each row still names it for a screen reader, which skips the headings).
    const rows = [];
    let stage = null;
    for (const card of cards) {
      if (card.stage !== stage) {
        stage = card.stage;
        const heading = node("li", "vote-group", stageName(stage));
        heading.setAttribute("aria-hidden", "true");
        rows.push(heading);
      }
      rows.push(voteRow(card));
    }
    return rows;
  }

  function voteRow(card) {
    // Drawn when the vote's cards change; the dots and totals are then updated in place (showDots), so a
    // finger on + is not lost when someone else's ballot changes the totals.
    const row = node("li", "vote-row");
    row.dataset.card = card.id;
    const text = node("div", "vote-text");
    text.append(node("span", "vote-title", card.title), node("span", "visually-hidden", stageName(card.stage)),
      node("span", "vote-total"));
    const minus = node("button", "dot-button minus", "−");
    minus.type = "button";
    minus.setAttribute("aria-label", t("removeDot", { card: card.title }));
    minus.addEventListener("click", () => changeDots(card.id, -1));
    const plus = node("button", "dot-button plus", "+");
    plus.type = "button";
    plus.setAttribute("aria-label", t("addDot", { card: card.title }));
    plus.addEventListener("click", () => changeDots(card.id, 1));
    const controls = node("div", "vote-controls");
    controls.append(minus, node("span", "dot-count"), plus);
    row.append(text, controls);
    return row;
  }

  function showDots(row, cardId, left, over) {
    const mine = state.ballot[cardId] || 0;
    const total = row.querySelector(".vote-total");
    total.textContent = state.totals[cardId] !== undefined ? t("total", { n: state.totals[cardId] }) : "";
    total.hidden = !total.textContent;
    const count = row.querySelector(".dot-count");
    count.textContent = String(mine);
    count.setAttribute("aria-label", t("yourDots") + ": " + mine);
    row.classList.toggle("chosen", mine > 0);
    row.querySelector(".minus").disabled = over || mine === 0;
    row.querySelector(".plus").disabled = over || left <= 0;
  }

  function changeDots(cardId, step) {
    const vote = state.board.vote;
    const next = (state.ballot[cardId] || 0) + step;
    if (next < 0 || (step > 0 && ballotTotal() >= vote.dots)) return;
    if (next === 0) delete state.ballot[cardId];
    else state.ballot[cardId] = next;
    save("ballot:" + vote.id, state.ballot);
    $("vote-status").textContent = "";
    renderVote();
    // The last dot disables +: the keyboard's focus moves to − rather than out of the list.
    const row = $("vote-cards").querySelector(`[data-card="${CSS.escape(cardId)}"]`);
    const pressed = row.querySelector(step > 0 ? ".plus" : ".minus");
    if (pressed.disabled) row.querySelector(step > 0 ? ".minus" : ".plus").focus();
  }

  async function sendBallot() {
    const vote = state.board.vote;
    if (!vote) return;
    if (!ballotTotal() && !load("ballot-sent:" + vote.id, false)) {
      $("vote-status").textContent = t("ballotEmpty");
      return;
    }
    const button = $("send-ballot");
    button.disabled = true;
    const { status, data } = await api("POST", "api/votes", { vote: vote.id, voter: clientId(), counts: state.ballot });
    button.disabled = false;
    if (status === 200) {
      if (data && data.counts) state.totals = data.counts;
      if (data) state.voters = data.voters;
      save("ballot-sent:" + vote.id, true);
      renderVote();
      $("vote-status").textContent = t("ballotSent");
      showProblem(null);
    } else {
      $("vote-status").textContent = "";
      showProblem(errorKey(status, data));
      if (status === 422) fetchBoard();
    }
  }

  // ---- sending cards ------------------------------------------------------------------------------------

  function renderMine() {
    const sent = load("sent", []);
    $("mine").hidden = sent.length === 0;
    const list = $("mine-list");
    list.replaceChildren();
    for (const card of sent.slice().reverse()) {
      const item = node("li", "mine-card");
      const where = [card.stageName, card.laneName].filter(Boolean).join(" · ");
      item.append(node("span", "mine-title", card.title), node("span", "mine-where", where),
        node("span", "mine-state", t("waiting")));
      list.append(item);
    }
  }

  async function sendCard(event) {
    event.preventDefault();
    const textarea = $("card-text");
    const status = $("card-status");
    const title = plainText(textarea.value);
    if (!state.lane) {
      status.textContent = t("laneMissing");
      return;
    }
    if (!title) {
      status.textContent = t("cardMissing");
      textarea.focus();
      return;
    }
    const button = $("send-card");
    button.disabled = true;
    status.textContent = t("sending");
    const body = { stage: state.stage, lane: state.lane, title, author: participantName() };
    const { status: code, data } = await api("POST", "api/cards", body);
    button.disabled = false;
    if (code === 201) {
      const lane = state.board.lanes.find((l) => l.id === state.lane);
      const sent = load("sent", []);
      sent.push({ id: data && data.id, title, stageName: stageName(state.stage), laneName: lane ? lane.name : "" });
      save("sent", sent.slice(-50));
      textarea.value = "";
      save("draft-card", "");
      updateCounter(textarea, $("card-counter"), CARD_MAX);
      status.textContent = t("sent");
      showProblem(null);
      renderMine();
    } else {
      status.textContent = "";
      showProblem(errorKey(code, data));
      if (code === 422) fetchBoard();
    }
  }

  // ---- the participant's name ---------------------------------------------------------------------------

  function askName() {
    $("name-input").value = participantName();
    $("name-step").hidden = false;
    $("workspace").hidden = true;
    $("name-input").focus();
  }

  function takeName(event) {
    event.preventDefault();
    const name = plainText($("name-input").value).replace(/\s+/g, " ").slice(0, NAME_MAX);
    if (!name) {
      showProblem("nameMissing");
      return;
    }
    try {
      localStorage.setItem("cjm-workshop-name", name);
    } catch (error) {
      // Without storage the name lasts for this visit only.
      sessionName = name;
    }
    showProblem(null);
    renderAll();
    $("card-text").focus();
  }

  // ---- start --------------------------------------------------------------------------------------------

  function start() {
    translateStatic();
    setConnection("connecting");
    $("name-form").addEventListener("submit", takeName);
    $("rename").addEventListener("click", askName);
    $("card-form").addEventListener("submit", sendCard);
    $("send-ballot").addEventListener("click", sendBallot);
    $("board-lanes").addEventListener("focusout", boardLeft);
    // A phone back from sleep may have missed updates while its socket was quietly gone.
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden && !state.gone) fetchBoard();
    });
    const textarea = $("card-text");
    textarea.value = load("draft-card", "");
    textarea.addEventListener("input", () => {
      updateCounter(textarea, $("card-counter"), CARD_MAX);
      save("draft-card", textarea.value);
    });
    updateCounter(textarea, $("card-counter"), CARD_MAX);
    fetchBoard().then((ok) => {
      if (ok && participantName() === "") $("name-input").focus();
      connect();
    });
  }

  start();
})();
