// Frontdesk's booking widget for a clinic's own website (ADR 0051). The snippet is either
//   <div data-frontdesk-booking="https://frontdesk.example/book/your-clinic"></div>
// (the booking page in a frame, as tall as its content), or
//   <a href="https://frontdesk.example/book/your-clinic" data-frontdesk-dialog>Book online</a>
// (a link that opens the same frame in a dialog; without this script it is a plain link),
// followed by <script src="https://frontdesk.example/embed.js" async></script>.
// The framed page tells its height only to a site the clinic registered; this script believes
// only messages from the Frontdesk origin it was loaded from, and from one of its own frames.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var frontdesk = new URL(script.src).origin;
  var frames = [];

  /** The booking page's address with the framing site's origin (Firefox cannot tell it otherwise). */
  function frameSource(href) {
    var url = new URL(href, frontdesk);
    if (url.origin !== frontdesk || url.pathname.indexOf("/book/") !== 0) return null;
    url.searchParams.set("embed", window.location.origin);
    return url.href;
  }

  function makeFrame(source, title) {
    var frame = document.createElement("iframe");
    frame.src = source;
    frame.title = title;
    frame.style.cssText = "display:block;width:100%;height:40rem;border:0;background:transparent";
    frames.push(frame);
    return frame;
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== frontdesk || !event.data || typeof event.data.type !== "string") return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.data.type === "frontdesk:height" && typeof event.data.height === "number" && event.data.height > 0) {
        frame.style.height = Math.min(Math.ceil(event.data.height), 20000) + "px";
      } else if (event.data.type === "frontdesk:escape") {
        var dialog = frame.closest("dialog");
        if (dialog && dialog.open) dialog.close();
      }
    }
  });

  function embedInline(host) {
    if (host.getAttribute("data-frontdesk-ready")) return;
    var source = frameSource(host.getAttribute("data-frontdesk-booking") || "");
    if (!source) return;
    host.setAttribute("data-frontdesk-ready", "true");
    host.appendChild(makeFrame(source, host.getAttribute("data-title") || "Book an appointment"));
  }

  function embedDialog(link) {
    if (link.getAttribute("data-frontdesk-ready")) return;
    var source = frameSource(link.getAttribute("href") || "");
    if (!source || typeof HTMLDialogElement === "undefined") return;
    link.setAttribute("data-frontdesk-ready", "true");
    var dialog = null;
    link.addEventListener("click", function (event) {
      // A new tab or window stays the browser's business.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (!dialog) dialog = buildDialog(source, link);
      dialog.showModal();
    });
  }

  function buildDialog(source, link) {
    var name = (link.textContent || "").trim() || "Book an appointment";
    var dialog = document.createElement("dialog");
    dialog.setAttribute("aria-label", name);
    dialog.style.cssText =
      "width:min(40rem,100vw - 1rem);max-width:100vw;max-height:calc(100vh - 1rem);padding:0;border:0;border-radius:0.75rem;overflow:auto;background:Canvas;color:CanvasText";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", link.getAttribute("data-close-label") || "Close");
    close.style.cssText = "position:sticky;top:0;float:right;z-index:1;margin:0.25rem;min-width:2.75rem;min-height:2.75rem;font-size:1.5rem;line-height:1;cursor:pointer";
    close.addEventListener("click", function () {
      dialog.close();
    });
    dialog.appendChild(close);
    dialog.appendChild(makeFrame(source, name));
    // Back where the patient was: on the link that opened it.
    dialog.addEventListener("close", function () {
      link.focus();
    });
    // A click on the backdrop (outside the dialog's box) closes it too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        var box = dialog.getBoundingClientRect();
        if (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom) dialog.close();
      }
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  function scan() {
    var hosts = document.querySelectorAll("[data-frontdesk-booking]");
    for (var i = 0; i < hosts.length; i++) embedInline(hosts[i]);
    var links = document.querySelectorAll("a[data-frontdesk-dialog]");
    for (var j = 0; j < links.length; j++) embedDialog(links[j]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
