using System.Globalization;
using Network.Web.Components.Shared;

namespace Network.Web.Tests;

public sealed class NoteComposerTests : BunitContext
{
    public NoteComposerTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    [Fact]
    public void an_empty_note_is_not_sent_and_the_user_is_told_why()
    {
        var sent = new List<string>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, text => { sent.Add(text); return Task.FromResult<string?>(null); }));

        cut.Find("form").Submit();

        Assert.Empty(sent);
        Assert.Equal("Schrijf eerst een tekst.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("true", cut.Find("textarea").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void a_posted_note_clears_the_field()
    {
        var sent = new List<string>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, text => { sent.Add(text); return Task.FromResult<string?>(null); }));

        cut.Find("textarea").Input("  Afspraak verzet naar dinsdag.  ");
        cut.Find("form").Submit();

        Assert.Equal(["Afspraak verzet naar dinsdag."], sent);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void a_problem_from_the_api_is_shown_and_the_text_is_kept()
    {
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, _ => Task.FromResult<string?>("Een notitie heeft hoogstens 10000 tekens.")));

        cut.Find("textarea").Input("Te lang");
        cut.Find("form").Submit();

        Assert.Equal("Een notitie heeft hoogstens 10000 tekens.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("Te lang", cut.Find("textarea").GetAttribute("value"));
    }
}
