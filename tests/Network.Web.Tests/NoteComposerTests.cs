using System.Globalization;
using Network.Web.Api;
using Network.Web.Components.Shared;

namespace Network.Web.Tests;

public sealed class NoteComposerTests : BunitContext
{
    public NoteComposerTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    [Fact]
    public void an_empty_note_is_not_sent_and_the_user_is_told_why()
    {
        var sent = new List<NoteDraft>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        cut.Find("form").Submit();

        Assert.Empty(sent);
        Assert.Equal("Schrijf eerst een tekst.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("true", cut.Find("textarea").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void a_posted_note_clears_the_field()
    {
        var sent = new List<NoteDraft>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        cut.Find("textarea").Input("  Afspraak verzet naar dinsdag.  ");
        cut.Find("form").Submit();

        var draft = Assert.Single(sent);
        Assert.Equal("Afspraak verzet naar dinsdag.", draft.Text);
        Assert.Equal("General", draft.Category);
        Assert.Empty(draft.About);
        Assert.Null(draft.Audience);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void the_author_chooses_category_subjects_and_audience_and_sees_who_will_read_it()
    {
        var lotte = new ChildRef(Guid.CreateVersion7(), "Lotte de Boer");
        var previews = new List<NoteDraft>();
        var sent = new List<NoteDraft>();
        var cut = Render<NoteComposer>(p => p
            .Add(c => c.Children, [lotte, new ChildRef(Guid.CreateVersion7(), "Sem de Boer")])
            .Add(c => c.OnPreview, draft =>
            {
                previews.Add(draft);
                return Task.FromResult<AudiencePreview?>(draft.Audience == "Professionals"
                    ? new AudiencePreview(true, [], [new Reader(Guid.NewGuid(), "Fatima El Amrani", "NeighbourhoodTeam")])
                    : new AudiencePreview(true, [], [new Reader(Guid.NewGuid(), "Fatima El Amrani", "NeighbourhoodTeam"), new Reader(Guid.NewGuid(), "Mark de Boer", "Parent")]));
            })
            .Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        Assert.Equal("Zichtbaar voor: Fatima El Amrani, Mark de Boer", cut.Find("[data-testid=audience-preview]").TextContent);
        cut.Find("#note-category").Change("Observation");
        cut.Find("#note-audience").Change("Professionals");
        cut.FindAll("fieldset input[type=checkbox]")[0].Change(true);

        Assert.Equal("Zichtbaar voor: Fatima El Amrani", cut.Find("[data-testid=audience-preview]").TextContent);
        cut.Find("textarea").Input("Lotte was vandaag stil.");
        cut.Find("form").Submit();
        var draft = Assert.Single(sent);
        Assert.Equal(("Observation", "Professionals"), (draft.Category, draft.Audience));
        Assert.Equal([lotte.PersonId], draft.About);
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
