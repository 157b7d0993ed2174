// Starts the Wagtail admin widgets that Wagtail would start with inline <script>s, which
// the Content-Security-Policy forbids (portal/admin_scripts/widgets.py). Each is a hidden element
// naming its initialiser; it runs once, when the element enters the page (on load, or
// when an inline panel adds a form), then the element goes, as a run script would.
(() => {
  const INITIALISERS = {
    initDateChooser: ({ id, options }) => window.initDateChooser(id, options),
    initDateTimeChooser: ({ id, options }) => window.initDateTimeChooser(id, options),
    initTimeChooser: ({ id, options }) => window.initTimeChooser(id, options),
    createTaskChooser: ({ id }) => window.createTaskChooser(id),
    InlinePanel: ({ options }) => new window.InlinePanel(options),
  };
  // Wagtail's chooser widgets: PageChooser, ImageChooser, DocumentChooser, SnippetChooser…
  const CHOOSER = /^[A-Za-z]*Chooser$/;

  function initialiser(call) {
    if (Object.hasOwn(INITIALISERS, call)) return INITIALISERS[call];
    if (CHOOSER.test(call) && typeof window[call] === "function") {
      return ({ id, options }) => new window[call](id, options);
    }
    return null;
  }

  class InlineScriptController extends window.StimulusModule.Controller {
    static values = { call: String, id: String, options: Object };

    connect() {
      const start = initialiser(this.callValue);
      if (!start) throw new Error(`Unknown admin initialiser: ${this.callValue}`);
      const args = { id: this.idValue, options: this.optionsValue };
      this.element.remove();
      start(args);
    }
  }

  window.wagtail.app.register("inline-script", InlineScriptController);
})();
