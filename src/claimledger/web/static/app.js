// claimledger's pages: hovers, the claim panel, and review and ingest actions posted to the API.
// Hand-written, no dependencies. Everything taken from the ledger goes into the page as text
// (textContent), never as markup.
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const byClaim = (sel, id) => $$(sel + '[data-claim="' + CSS.escape(id) + '"]');

  // -- messages, kept across the reload that follows a write ---------------------------------------
  const status = $("#status");
  function say(text, bad) {
    status.textContent = text;
    status.className = bad ? "bad" : "good";
  }
  const flash = sessionStorage.getItem("claimledger-flash");
  if (flash) {
    sessionStorage.removeItem("claimledger-flash");
    say(flash, false);
  }

  // -- who writes, with which token (this tab only) -----------------------------------------------
  const token = $("#token");
  const who = $("#who");
  if (token) {
    token.value = sessionStorage.getItem("claimledger-token") || "";
    token.addEventListener("input", () => sessionStorage.setItem("claimledger-token", token.value.trim()));
  }
  if (who) {
    who.value = localStorage.getItem("claimledger-who") || "";
    who.addEventListener("input", () => localStorage.setItem("claimledger-who", who.value.trim()));
  }
  const writer = $("#writer");
  if (writer) writer.addEventListener("submit", (e) => e.preventDefault());

  async function post(url, body) {
    const headers = { "Content-Type": "application/json" };
    const secret = token ? token.value.trim() : "";
    if (secret) headers.Authorization = "Bearer " + secret;
    const response = await fetch(url, { method: "POST", headers: headers, body: JSON.stringify(body) });
    let data = {};
    try { data = await response.json(); } catch (e) { /* not JSON: the status says enough */ }
    if (!response.ok) throw new Error(data.error || response.status + " " + response.statusText);
    return data;
  }

  async function review(body, note) {
    body.who = (who && who.value.trim()) || "web";
    if (note && note.value.trim()) body.note = note.value.trim();
    try {
      const data = await post("/api/reviews", body);
      sessionStorage.setItem("claimledger-flash",
        "review " + data.review.id + ": " + data.review.action + " " + data.review.target + " (by " + data.review.who + ")");
      location.reload();
    } catch (err) {
      say("review refused: " + err.message, true);
    }
  }

  // Buttons that carry their action: resolve, undo.
  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-review]");
    if (!button) return;
    const holder = button.closest("li, section, p");
    review(JSON.parse(button.dataset.review), holder ? $(".note", holder) : null);
  });

  // -- the series page: chart and table light each other; split and merge -----------------------
  function light(id, on) {
    byClaim("g.mark", id).concat(byClaim("tr.point", id)).forEach((el) => el.classList.toggle("lit", on));
  }
  $$("g.mark, tr.point").forEach((el) => {
    el.addEventListener("mouseenter", () => light(el.dataset.claim, true));
    el.addEventListener("mouseleave", () => light(el.dataset.claim, false));
    el.addEventListener("focus", () => light(el.dataset.claim, true));
    el.addEventListener("blur", () => light(el.dataset.claim, false));
  });
  $$("g.mark").forEach((mark) => mark.addEventListener("click", () => {
    const row = byClaim("tr.point", mark.dataset.claim)[0];
    if (row) row.scrollIntoView({ block: "center" });
  }));
  const split = $("button[data-split]");
  if (split) split.addEventListener("click", () => {
    const chosen = $$("input.pick:checked").map((box) => box.value);
    if (!chosen.length) { say("choose the claims to split off first", true); return; }
    review({ action: "split", series: split.dataset.split, claims: chosen }, $("#series-note"));
  });
  const merge = $("button[data-merge]");
  if (merge) merge.addEventListener("click", () => {
    review({ action: "merge", series: [merge.dataset.merge, $("#merge-with").value] }, $("#series-note"));
  });

  // -- the document page: the claim panel, frames lit on hover ------------------------------------
  const data = $("#claims-data");
  const claims = {};
  if (data) JSON.parse(data.textContent).forEach((c) => { claims[c.id] = c; });
  let current = null;

  function cell(row, text, cls) {
    const td = row.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
  }
  // The fields in the order of the claim record; entities by name, their ids after them.
  const FIELDS = ["value", "item", "category", "measure", "actor", "recipient", "location", "period", "cumulative",
    "incremental", "source"];
  function shown(c, name, value) {
    if (name === "source") {
      const who = c.source ? c.source_name + " (" + c.source + ")" : "(the publisher's own voice)";
      return who + (c.via_names.length ? " via " + c.via_names.join(" ← ") : "");
    }
    if (value === null || value === undefined || value === "") return "–";
    if (c[name + "_name"] && c[name + "_name"] !== value) return c[name + "_name"] + " (" + value + ")";
    return String(value);
  }
  function showClaim(id) {
    const c = claims[id];
    if (!c) return;
    current = id;
    $$("mark.claim.selected").forEach((m) => m.classList.remove("selected"));
    byClaim("mark.claim", id).forEach((m) => m.classList.add("selected"));
    $("#claim-panel").hidden = false;
    $("#panel-title").textContent = c.figure + " " + c.item + " · " + c.measure;
    $("#panel-evidence").textContent = c.evidence;
    const body = $("#panel-fields tbody");
    body.replaceChildren();
    FIELDS.forEach((name) => {
      const info = c.explain[name];
      if (!info) return;
      const row = body.insertRow();
      cell(row, name, "name");
      cell(row, shown(c, name, info.value), "value");
      cell(row, info.cue ? "← " + info.cue : "", "cue");
    });
    const row = body.insertRow();
    cell(row, "id", "name");
    cell(row, c.id, "value");
    cell(row, "", "cue");
    const reviews = $("#panel-reviews");
    reviews.replaceChildren();
    (c.review.actions || []).forEach((r) => {
      const p = document.createElement("p");
      p.className = "review-line";
      const fields = r.detail.fields ? " " + JSON.stringify(r.detail.fields) : "";
      p.textContent = r.action + fields + " by " + r.who + " on " + r.at.slice(0, 10) + (r.detail.note ? ": " + r.detail.note : "") + " ";
      if ($("#panel-actions")) {
        const undo = document.createElement("button");
        undo.type = "button";
        undo.textContent = "Undo";
        undo.dataset.review = JSON.stringify({ action: "undo", id: r.id });
        p.appendChild(undo);
      }
      reviews.appendChild(p);
    });
  }
  $$("mark.claim, button.show-claim").forEach((el) => el.addEventListener("click", () => showClaim(el.dataset.claim)));
  const wrong = $("#mark-wrong");
  if (wrong) wrong.addEventListener("click", () => review({ action: "wrong", claim: current }, $("#claim-note")));
  const correct = $("#correct");
  if (correct) correct.addEventListener("click", () => {
    const fields = {};
    fields[$("#correct-field").value] = $("#correct-value").value;
    review({ action: "correct", claim: current, fields: fields }, $("#claim-note"));
  });
  $$("li[data-frame]").forEach((li) => {
    const on = (yes) => $$("#report [data-frames]").forEach((el) => {
      if (el.dataset.frames.split(" ").indexOf(li.dataset.frame) !== -1) el.classList.toggle("lit", yes);
    });
    li.addEventListener("mouseenter", () => on(true));
    li.addEventListener("mouseleave", () => on(false));
    li.addEventListener("focus", () => on(true));
    li.addEventListener("blur", () => on(false));
  });
  if (data && location.hash.indexOf("#c-") === 0) {
    const item = document.getElementById(location.hash.slice(1));
    if (item) {
      showClaim(item.dataset.claim);
      const mark = byClaim("mark.claim", item.dataset.claim)[0];
      if (mark) mark.scrollIntoView({ block: "center" });
    }
  }

  // -- the documents page: ingest a report or a URL -----------------------------------------------
  const ingest = $("#ingest-form");
  if (ingest) ingest.addEventListener("submit", async (e) => {
    e.preventDefault();
    let body = {};
    new FormData(ingest).forEach((value, key) => {
      if (String(value).trim()) body[key] = key === "text" ? String(value) : String(value).trim();
    });
    if (body.text === undefined) body = { url: body.url };
    try {
      const done = await post("/api/documents", body);
      const first = done.documents[0];
      sessionStorage.setItem("claimledger-flash", first.id + ": " + first.outcome + ", " + first.claims + " claims" +
        (done.errors.length ? "; " + done.errors.join("; ") : ""));
      location.href = "/documents/" + encodeURIComponent(first.id);
    } catch (err) {
      say("ingest refused: " + err.message, true);
    }
  });
})();
