// Switchboard console. Plain JavaScript, no library. Everything that came from a webhook (ids, numbers, tags,
// BXML) reaches the page through textContent or attribute values set one by one, never as markup.
"use strict";

(function () {
  const view = document.getElementById("view");
  const liveStatus = document.getElementById("live");
  const listeners = new Set();
  let source = null;

  // ---- DOM helpers -------------------------------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes. */
  function el(name, attrs, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Replaces what {@code node} holds; null children are left out. */
  function replace(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  function show(...children) {
    replace(view, children);
  }

  function link(href, text) {
    return el("a", { href: href }, text);
  }

  function time(iso) {
    if (!iso) return "";
    const date = new Date(iso);
    return date.toISOString().replace("T", " ").replace("Z", "");
  }

  function clock(iso) {
    return iso ? new Date(iso).toISOString().substring(11, 23) : "";
  }

  function shortNode(address) {
    return address ? address.replace(/^akka:\/\/[^@]+@/, "") : "";
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) {
      let detail = response.status + " " + response.statusText;
      try {
        const problem = await response.json();
        if (problem.detail) detail = problem.detail;
      } catch (ignored) { /* not a problem document */ }
      throw new Error(detail);
    }
    return response.json();
  }

  function failed(error) {
    show(el("p", { class: "error", role: "alert" }, "Could not load: ", error.message));
  }

  // ---- live events -------------------------------------------------------------------------------------------

  function connect() {
    source = new EventSource("events");
    source.addEventListener("open", () => {
      liveStatus.textContent = "live";
      liveStatus.classList.add("on");
      listeners.forEach((listener) => listener(null));
    });
    source.addEventListener("error", () => {
      liveStatus.textContent = "reconnecting";
      liveStatus.classList.remove("on");
    });
    source.addEventListener("handled", (message) => {
      const event = JSON.parse(message.data);
      listeners.forEach((listener) => listener(event));
    });
  }

  /** Calls {@code refresh} (debounced) on each live event that {@code wanted} accepts, until the view changes. */
  function onLive(wanted, refresh) {
    let pending = null;
    const listener = (event) => {
      if (event !== null && !wanted(event)) return;
      if (pending) return;
      pending = setTimeout(() => { pending = null; refresh(); }, 250);
    };
    listeners.add(listener);
    return () => { listeners.delete(listener); if (pending) clearTimeout(pending); };
  }

  // ---- lists of calls and conferences ------------------------------------------------------------------------

  const FILTERS = ["id", "number", "tag", "status", "fallback", "since", "until"];

  function listView(kind, params) {
    const isCall = kind === "calls";
    const form = el("form", { class: "filters", role: "search", "aria-label": "Filter " + kind });
    const input = (name, label, extra) => el("label", {}, label, el("input", Object.assign({ name: name, value: params.get(name) || "" }, extra)));
    const select = (name, label, options) => {
      const chosen = params.get(name) || "";
      return el("label", {}, label, el("select", { name: name },
        options.map(([value, text]) => el("option", { value: value, selected: value === chosen }, text))));
    };
    append(form, [
      input("id", isCall ? "Call id" : "Conference id", { type: "search", placeholder: "search by id" }),
      isCall ? input("number", "Number", { type: "search", inputmode: "tel" }) : null,
      input("tag", "Tag", { type: "search" }),
      select("status", "Status", [["", "any"], ["live", "live"], ["ended", "ended"]]),
      select("fallback", "Fallback", [["", "any"], ["true", "seen"], ["false", "none"]]),
      input("since", "Active since", { type: "text", placeholder: "2026-11-25T10:00:00Z", class: "hide-narrow" }),
      input("until", "Started before", { type: "text", placeholder: "2026-11-25T11:00:00Z", class: "hide-narrow" }),
      el("button", { type: "submit" }, "Filter"),
    ]);
    form.addEventListener("submit", (submitted) => {
      submitted.preventDefault();
      const query = new URLSearchParams();
      for (const name of FILTERS) {
        const field = form.elements.namedItem(name);
        if (field && field.value.trim()) query.set(name, field.value.trim());
      }
      location.hash = "#/" + kind + (query.toString() ? "?" + query : "");
    });
    const table = el("div", { class: "scroll panel" }, el("p", { class: "muted" }, "Loading…"));
    const pager = el("div", { class: "pager" });
    show(el("h1", {}, isCall ? "Calls" : "Conferences"), form, table, pager);

    const offset = Number(params.get("offset") || 0);
    const query = new URLSearchParams(params);
    query.set("offset", String(offset));
    query.set("limit", "50");
    let known = null;
    async function refresh() {
      try {
        const page = await getJson(kind + "?" + query);
        const rows = page.items.map((item) => row(kind, item, known !== null && !known.has(item.id + item.lastSeen)));
        known = new Set(page.items.map((item) => item.id + item.lastSeen));
        const headers = isCall
          ? ["Last active", "Call", "From", "To", "Status", "Last event", "Events", "Fallbacks", "Tag", "Nodes"]
          : ["Last active", "Conference", "Status", "Last event", "Events", "Fallbacks", "Tag", "Nodes"];
        const body = el("tbody", {}, rows);
        replace(table, 
          rows.length === 0
            ? el("p", { class: "muted" }, "No " + kind + " match.")
            : el("table", { id: kind + "-list" },
                el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))), body),
          page.unanswered.length > 0
            ? el("p", { class: "error" }, "Not answered in time: ", page.unanswered.join(", "))
            : null);
        replace(pager, 
          offset > 0 ? el("a", { href: pageLink(kind, params, Math.max(0, offset - 50)) }, "← Newer") : null,
          el("span", { class: "muted" }, "Showing " + (offset + 1) + "–" + (offset + page.items.length)
            + " · " + page.nodes + " node" + (page.nodes === 1 ? "" : "s")),
          page.more ? el("a", { href: pageLink(kind, params, offset + 50) }, "Older →") : null);
      } catch (error) {
        replace(table, el("p", { class: "error", role: "alert" }, error.message));
      }
    }
    refresh();
    const wantedKind = isCall ? "CALL" : "CONFERENCE";
    return onLive((event) => event.kind === wantedKind && offset === 0, refresh);
  }

  function pageLink(kind, params, offset) {
    const query = new URLSearchParams(params);
    query.set("offset", String(offset));
    return "#/" + kind + "?" + query;
  }

  function row(kind, item, fresh) {
    const classes = [item.fallbacks > 0 ? "fallback" : "", fresh ? "fresh" : ""].join(" ").trim();
    const cells = [
      el("td", { class: "mono" }, time(item.lastSeen)),
      el("td", { class: "mono id" }, link("#/" + kind + "/" + encodeURIComponent(item.id), item.id)),
    ];
    if (kind === "calls") {
      cells.push(el("td", { class: "mono" }, item.from || ""), el("td", { class: "mono" }, item.to || ""));
    }
    cells.push(
      el("td", {}, el("span", { class: "badge" + (item.status === "live" ? " good" : "") }, item.status)),
      el("td", {}, item.lastEventType || ""),
      el("td", {}, String(item.eventCount)),
      el("td", {}, item.fallbacks > 0 ? el("span", { class: "badge bad" }, "⚠ " + item.fallbacks) : "0"),
      el("td", { class: "tag" }, item.tag || ""),
      el("td", { class: "mono" }, item.nodes.map(shortNode).join(", ")));
    return el("tr", { class: classes || null, "data-id": item.id }, cells);
  }

  // ---- BXML, pretty-printed and highlighted, built as DOM nodes ----------------------------------------------

  function bxmlBlock(text) {
    const pre = el("pre", { class: "bxml", "aria-label": "BXML reply" });
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) {
      pre.textContent = text;
      return pre;
    }
    writeElement(pre, doc.documentElement, 0);
    return pre;
  }

  function span(cls, text) {
    return el("span", { class: cls }, text);
  }

  function writeElement(pre, node, depth) {
    const indent = "  ".repeat(depth);
    const attrs = Array.from(node.attributes).flatMap((a) =>
      [" ", span("x-attr", a.name), "=", span("x-val", "\"" + a.value + "\"")]);
    const children = Array.from(node.childNodes).filter((c) =>
      c.nodeType === Node.ELEMENT_NODE || (c.nodeType === Node.TEXT_NODE && c.nodeValue.trim() !== ""));
    append(pre, [indent, span("x-tag", "<" + node.nodeName), attrs]);
    if (children.length === 0) {
      append(pre, [span("x-tag", "/>"), "\n"]);
      return;
    }
    if (children.length === 1 && children[0].nodeType === Node.TEXT_NODE) {
      append(pre, [span("x-tag", ">"), span("x-text", children[0].nodeValue.trim()),
        span("x-tag", "</" + node.nodeName + ">"), "\n"]);
      return;
    }
    append(pre, [span("x-tag", ">"), "\n"]);
    for (const child of children) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        writeElement(pre, child, depth + 1);
      } else {
        append(pre, ["  ".repeat(depth + 1), span("x-text", child.nodeValue.trim()), "\n"]);
      }
    }
    append(pre, [indent, span("x-tag", "</" + node.nodeName + ">"), "\n"]);
  }

  // ---- one call or conference --------------------------------------------------------------------------------

  /** Pairs each timeline entry with the index's record of it (node, latency), by event type and time, in order. */
  function pair(timeline, handled) {
    const unused = handled.slice();
    return timeline.map((entry) => {
      const at = unused.findIndex((h) => h.eventType === entry.eventType && h.eventTime === entry.eventTime);
      return at >= 0 ? unused.splice(at, 1)[0] : null;
    });
  }

  const REASONS = {
    FLOW_FAILED: "the flow threw or its future failed",
    FLOW_TIMED_OUT: "the flow did not answer within its timeout",
    OVERLOADED: "too many events of this call were waiting",
    DEADLINE_EXCEEDED: "the reply deadline passed before the entity answered",
    MISROUTED: "the event reached an entity of the wrong kind",
    INVALID_BXML: "the flow's BXML broke a rule for this event",
    HELD: "the call's entity could not be reached in time; the caller was held with a pause and a redirect",
  };

  function timelineTable(entity) {
    const records = pair(entity.timeline, entity.handled || []);
    const rows = entity.timeline.map((entry, i) => {
      const handled = records[i];
      const origin = entry.origin === null
        ? el("span", { class: "muted" }, "pending")
        : entry.fallback
          ? el("span", {}, el("span", { class: "badge bad" }, "FALLBACK"), " ",
              el("span", { class: "reason" }, entry.origin), el("br"),
              el("span", { class: "muted" }, REASONS[entry.origin] || ""))
          : el("span", { class: "badge" }, entry.origin);
      const eventJson = el("details", {}, el("summary", {}, "event"),
        el("pre", { class: "json" }, JSON.stringify(entry.event, null, 2)));
      return el("tr", { class: entry.fallback ? "fallback" : null },
        el("td", {}, String(i + 1)),
        el("td", {}, el("strong", {}, entry.eventType), el("br"), eventJson),
        el("td", { class: "mono" }, clock(entry.receivedAt), el("br"),
          el("span", { class: "muted" }, entry.eventTime ? "sent " + clock(entry.eventTime) : "")),
        el("td", { class: "mono" }, handled ? shortNode(handled.node) : ""),
        el("td", { class: "mono" }, handled ? handled.latencyMillis + " ms" : ""),
        el("td", {}, origin),
        el("td", {}, entry.reply ? bxmlBlock(entry.reply) : el("span", { class: "muted" }, "empty 200"),
          requestsBlock(entry.requests)));
    });
    return el("div", { class: "scroll panel" }, el("table", { id: "timeline" },
      el("thead", {}, el("tr", {}, ["#", "Event", "Received", "Node", "Latency", "Reply origin", "BXML reply"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows)));
  }

  /** The call-control requests the flow made with this event, issued after its reply, and how each ended. */
  function requestsBlock(requests) {
    if (!requests || requests.length === 0) return null;
    return el("div", { class: "requests" }, el("strong", {}, "Call control"),
      el("ul", {}, requests.map((request) => el("li", {},
        el("span", { class: "mono" }, request.operation), " ",
        request.status
          ? el("span", { class: request.status === "SUCCEEDED" ? "badge" : "badge bad" }, request.status)
          : el("span", { class: "muted" }, "on its way"),
        request.detail ? el("span", { class: "muted" }, " " + request.detail) : null,
        el("details", {}, el("summary", {}, "request"),
          el("pre", { class: "json" }, JSON.stringify(request.request, null, 2)))))));
  }

  function facts(pairs) {
    return el("dl", { class: "facts panel" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
      .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }

  function callView(id) {
    async function refresh() {
      try {
        const call = await getJson("calls/" + encodeURIComponent(id));
        const state = call.state || {};
        const fallbacks = call.timeline.filter((e) => e.fallback).length;
        show(
          el("p", {}, link("#/calls", "← Calls")),
          el("h1", {}, "Call ", el("span", { class: "mono" }, call.id)),
          facts([
            ["Status", state.status], ["From", state.from], ["To", state.to], ["Direction", state.direction],
            ["Tag", state.tag], ["Gathered", (state.gatheredDigits || []).join(", ")],
            ["Fallbacks", fallbacks > 0 ? el("span", { class: "badge bad" }, "⚠ " + fallbacks) : "none"],
          ]),
          exportControls(call.id),
          el("h2", {}, "Timeline"),
          timelineTable(call));
      } catch (error) { failed(error); }
    }
    refresh();
    return onLive((event) => event.kind === "CALL" && event.entityId === id, refresh);
  }

  /** Download links for the call as a replay file or a FlowTest snippet, numbers masked unless unticked. */
  function exportControls(id) {
    const base = "calls/" + encodeURIComponent(id) + "/export";
    const mask = el("input", { type: "checkbox", id: "export-mask", checked: true });
    const replay = el("a", { id: "export-replay", class: "button", download: "" }, "Export as replay file");
    const flowTest = el("a", { id: "export-flowtest", class: "button", download: "" }, "Export as FlowTest");
    const update = () => {
      replay.setAttribute("href", base + "?format=replay&mask=" + mask.checked);
      flowTest.setAttribute("href", base + "?format=flowtest&mask=" + mask.checked);
    };
    mask.addEventListener("change", update);
    update();
    return el("p", { class: "export" }, replay, " ", flowTest, " ",
      el("label", { for: "export-mask" }, mask, " mask numbers"));
  }

  function conferenceView(id) {
    async function refresh() {
      try {
        const conference = await getJson("conferences/" + encodeURIComponent(id));
        const state = conference.state || {};
        const members = (state.members || []).map((m) => el("li", { class: "mono" },
          link("#/calls/" + encodeURIComponent(m.callId), m.callId)));
        const overTime = [];
        let count = 0;
        for (const entry of conference.timeline) {
          const member = entry.event && entry.event.member ? entry.event.member.callId : null;
          if (entry.eventType === "conferenceMemberJoin") count++;
          if (entry.eventType === "conferenceMemberExit") count = Math.max(0, count - 1);
          overTime.push(el("tr", {},
            el("td", { class: "mono" }, clock(entry.receivedAt)),
            el("td", {}, entry.eventType),
            el("td", { class: "mono" }, member ? link("#/calls/" + encodeURIComponent(member), member) : ""),
            el("td", {}, String(count))));
        }
        show(
          el("p", {}, link("#/conferences", "← Conferences")),
          el("h1", {}, "Conference ", el("span", { class: "mono" }, conference.id)),
          facts([["Name", state.name], ["Status", state.status], ["Tag", state.tag]]),
          el("h2", {}, "Members now"),
          members.length ? el("ul", { id: "members", class: "panel" }, members) : el("p", { class: "muted" }, "none"),
          el("h2", {}, "Members over time"),
          el("div", { class: "scroll panel" }, el("table", { id: "members-over-time" },
            el("thead", {}, el("tr", {}, ["Received", "Event", "Call", "Members"].map((h) => el("th", { scope: "col" }, h)))),
            el("tbody", {}, overTime))),
          el("h2", {}, "Timeline"),
          timelineTable(conference));
      } catch (error) { failed(error); }
    }
    refresh();
    return onLive((event) => event.kind === "CONFERENCE" && event.entityId === id, refresh);
  }

  // ---- cluster -----------------------------------------------------------------------------------------------

  function clusterView() {
    async function refresh() {
      try {
        const cluster = await getJson("cluster");
        const rows = cluster.nodes.map((node) => el("tr", {},
          el("td", { class: "mono" }, shortNode(node.address),
            node.address === cluster.self ? el("span", { class: "badge" }, "this node") : null,
            node.address === cluster.leader ? el("span", { class: "badge" }, "leader") : null),
          el("td", {}, node.status),
          el("td", {}, node.reachable ? el("span", { class: "badge good" }, "reachable") : el("span", { class: "badge bad" }, "unreachable")),
          el("td", {}, (node.roles || []).join(", ")),
          el("td", {}, fmtCounts(node.shards)),
          el("td", {}, fmtCounts(node.entities))));
        show(el("h1", {}, "Cluster"),
          el("div", { class: "scroll panel" }, el("table", { id: "cluster-nodes" },
            el("thead", {}, el("tr", {}, ["Node", "Status", "Reachable", "Roles", "Shards", "Entities"].map((h) => el("th", { scope: "col" }, h)))),
            el("tbody", {}, rows))),
          el("p", {}, el("button", { type: "button", class: "secondary", id: "refresh" }, "Refresh")));
        document.getElementById("refresh").addEventListener("click", refresh);
      } catch (error) { failed(error); }
    }
    refresh();
    return () => {};
  }

  function fmtCounts(counts) {
    const entries = Object.entries(counts || {});
    return entries.length ? entries.map(([type, n]) => type + ": " + n).join(", ") : "—";
  }

  // ---- charts (SVG built from DOM nodes) ---------------------------------------------------------------------

  const SVG = "http://www.w3.org/2000/svg";

  function svg(name, attrs, ...children) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    for (const child of children) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    return node;
  }

  const W = 400, H = 170, PAD_L = 52, PAD_B = 22, PAD_T = 12;

  function frame(title, max, unit, points) {
    const chart = svg("svg", { class: "chart", viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": title });
    const y0 = H - PAD_B;
    chart.appendChild(svg("line", { class: "axis", x1: PAD_L, y1: y0, x2: W, y2: y0 }));
    chart.appendChild(svg("line", { class: "axis", x1: PAD_L, y1: PAD_T, x2: PAD_L, y2: y0 }));
    chart.appendChild(svg("text", { x: 2, y: PAD_T + 12 }, fmt(max) + unit));
    chart.appendChild(svg("text", { x: 2, y: y0 }, "0"));
    if (points.length) {
      chart.appendChild(svg("text", { x: PAD_L, y: H - 4 }, clock(points[0].start).substring(0, 5)));
      chart.appendChild(svg("text", { x: W - 36, y: H - 4 }, clock(points[points.length - 1].start).substring(0, 5)));
    }
    return chart;
  }

  function fmt(n) {
    return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
  }

  function scaleX(i, n) { return PAD_L + ((W - PAD_L) * i) / n; }
  function scaleY(v, max) { return H - PAD_B - ((H - PAD_B - PAD_T) * v) / (max || 1); }

  function bars(title, points, value, cls) {
    const max = Math.max(1, ...points.map(value));
    const chart = frame(title, max, "", points);
    const width = Math.max(1, (W - PAD_L) / points.length - 1);
    points.forEach((p, i) => {
      const v = value(p);
      if (v > 0) {
        const y = scaleY(v, max);
        chart.appendChild(svg("rect", { class: cls, x: scaleX(i, points.length), y: y, width: width, height: H - PAD_B - y },
          svg("title", {}, clock(p.start).substring(0, 5) + ": " + v)));
      }
    });
    return chart;
  }

  /** One line per series; minutes without replies have no latency, so they leave a gap, not a zero. */
  function lines(title, points, series) {
    const max = Math.max(1, ...points.flatMap((p) => series.map((s) => p[s])));
    const chart = frame(title, max, " ms", points);
    for (const s of series) {
      const cls = s.replace("Millis", "");
      let d = "";
      let drawing = false;
      points.forEach((p, i) => {
        if (p.replies === 0) { drawing = false; return; }
        const x = scaleX(i + 0.5, points.length).toFixed(1);
        const y = scaleY(p[s], max).toFixed(1);
        d += (drawing ? " L" : " M") + x + " " + y;
        drawing = true;
        chart.appendChild(svg("circle", { class: cls + " dot", cx: x, cy: y, r: 2.5 },
          svg("title", {}, clock(p.start).substring(0, 5) + " " + cls + ": " + fmt(p[s]) + " ms")));
      });
      if (d) chart.appendChild(svg("path", { class: cls, d: d.trim() }));
    }
    return chart;
  }

  function chartsView() {
    async function refresh() {
      try {
        const history = await getJson("history");
        const points = history.points;
        const total = points.reduce((sum, p) => sum + p.replies, 0);
        const fallbacks = points.reduce((sum, p) => sum + p.fallbacks, 0);
        const per = history.intervalSeconds === 60 ? "minute" : history.intervalSeconds + " s";
        show(el("h1", {}, "This node, last hour"),
          el("p", { class: "muted" }, total + " replies, " + fallbacks + " fallbacks; one point per " + per + "."),
          el("div", { class: "charts" },
            el("section", { class: "panel" }, el("h2", {}, "Webhook replies per " + per),
              bars("Replies per " + per, points, (p) => p.replies, "bar")),
            el("section", { class: "panel" }, el("h2", {}, "Reply latency"),
              el("p", { class: "legend" }, el("span", { class: "p50" }, "— p50"), el("span", { class: "p90" }, "— p90"), el("span", { class: "p99" }, "— p99")),
              lines("Latency percentiles", points, ["p50Millis", "p90Millis", "p99Millis"])),
            el("section", { class: "panel" }, el("h2", {}, "Fallbacks per " + per),
              bars("Fallbacks per " + per, points, (p) => p.fallbacks, "bar bad"))));
      } catch (error) { failed(error); }
    }
    refresh();
    const timer = setInterval(refresh, 15000);
    return () => clearInterval(timer);
  }

  // ---- routing -----------------------------------------------------------------------------------------------

  let leave = () => {};

  function route() {
    leave();
    const hash = location.hash || "#/calls";
    const [path, query] = hash.substring(1).split("?");
    const parts = path.split("/").filter((p) => p !== "").map(decodeURIComponent);
    const params = new URLSearchParams(query || "");
    const section = parts[0] || "calls";
    document.querySelectorAll("nav a").forEach((a) => {
      if (a.dataset.nav === section) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    if (section === "calls" && parts.length > 1) leave = callView(parts[1]);
    else if (section === "conferences" && parts.length > 1) leave = conferenceView(parts[1]);
    else if (section === "conferences") leave = listView("conferences", params);
    else if (section === "cluster") leave = clusterView();
    else if (section === "charts") leave = chartsView();
    else leave = listView("calls", params);
    document.title = "Switchboard · " + (parts.length > 1 ? parts[1] : section);
    if (parts.length > 1) view.focus();
  }

  window.addEventListener("hashchange", route);
  connect();
  route();
})();
