// The user's own time zone, so the app shows times as they live them (the server runs in UTC).
window.networkVoice = {
    timeZone: function () {
        try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
    }
};
