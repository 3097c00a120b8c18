using Network.Web.Components.Boards;

namespace Network.Web.Tests;

public sealed class NoteComposerTests : BunitContext
{
    public NoteComposerTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    [Fact]
    public void an_empty_note_is_not_sent_and_the_user_is_told_why()
    {
        var sent = new List<PostItemRequest>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        cut.Find("form").Submit();

        Assert.Empty(sent);
        Assert.Equal("Schrijf eerst een tekst.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("true", cut.Find("textarea").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void a_posted_note_clears_the_field()
    {
        var sent = new List<PostItemRequest>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        cut.Find("textarea").Input("  Afspraak verzet naar dinsdag.  ");
        cut.Find("form").Submit();

        var draft = Assert.Single(sent);
        Assert.Equal("Afspraak verzet naar dinsdag.", draft.Text);
        Assert.Equal(InformationCategory.General, draft.Category);
        Assert.Empty(draft.About!);
        Assert.Null(draft.Audience);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void the_author_chooses_category_subjects_and_audience_and_sees_who_will_read_it()
    {
        var lotte = new PersonRef(Guid.CreateVersion7(), "Lotte de Boer");
        var sent = new List<PostItemRequest>();
        var cut = Render<NoteComposer>(p => p
            .Add(c => c.Children, [lotte, new PersonRef(Guid.CreateVersion7(), "Sem de Boer")])
            .Add(c => c.OnPreview, draft => Task.FromResult<AudiencePreview?>(draft.Audience == AudienceKind.Professionals
                ? new AudiencePreview(true, [], [new Reader(Guid.NewGuid(), "Fatima El Amrani", ActorRole.NeighbourhoodTeam)])
                : new AudiencePreview(true, [], [new Reader(Guid.NewGuid(), "Fatima El Amrani", ActorRole.NeighbourhoodTeam),
                    new Reader(Guid.NewGuid(), "Mark de Boer", ActorRole.Parent)])))
            .Add(c => c.OnPost, draft => { sent.Add(draft); return Task.FromResult<string?>(null); }));

        Assert.Equal("Zichtbaar voor: Fatima El Amrani, Mark de Boer", cut.Find("[data-testid=audience-preview]").TextContent);
        cut.Find("#note-category").Change("Observation");
        cut.Find("#note-audience").Change("Professionals");
        cut.FindAll("fieldset input[type=checkbox]")[0].Change(true);

        Assert.Equal("Zichtbaar voor: Fatima El Amrani", cut.Find("[data-testid=audience-preview]").TextContent);
        cut.Find("textarea").Input("Lotte was vandaag stil.");
        cut.Find("form").Submit();
        var draft = Assert.Single(sent);
        Assert.Equal((InformationCategory.Observation, AudienceKind.Professionals), (draft.Category, draft.Audience));
        Assert.Equal([lotte.PersonId], draft.About!);
    }

    [Fact]
    public void the_categories_are_named_in_words_and_a_secret_address_is_not_one_to_write_in()
    {
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, _ => Task.FromResult<string?>(null)));

        var options = cut.FindAll("#note-category option").Select(o => o.TextContent).ToList();

        Assert.Contains("Justitie (strafrecht)", options);
        Assert.Contains("Maatregel (civiel)", options);
        Assert.DoesNotContain("CourtMeasure", options);
        Assert.DoesNotContain("Geheim adres", options);
    }

    [Fact]
    public void a_refused_preview_gives_the_reasons_in_plain_words_not_codes()
    {
        var cut = Render<NoteComposer>(p => p
            .Add(c => c.OnPreview, _ => Task.FromResult<AudiencePreview?>(new AudiencePreview(false,
                [new ReasonView(Reasons.ParentWithoutAuthority, Samples.Args()),
                 new ReasonView(Reasons.TableCell, Samples.Args(("column", "ParentWithoutAuthority"), ("category", "Observation"), ("access", "None")))],
                [])))
            .Add(c => c.OnPost, _ => Task.FromResult<string?>(null)));

        var text = cut.Find("[data-testid=audience-preview]").TextContent;

        Assert.Equal("U mag dit niet plaatsen: U bent ouder zonder gezag. De tabel geeft ouder zonder gezag bij Observatie: niets.", text);
        Assert.DoesNotContain("ParentWithoutAuthority", text);
    }

    [Fact]
    public void a_problem_from_the_api_is_shown_and_the_text_is_kept()
    {
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, _ => Task.FromResult<string?>("Een tekst heeft hoogstens 10000 tekens.")));

        cut.Find("textarea").Input("Te lang");
        cut.Find("form").Submit();

        Assert.Equal("Een tekst heeft hoogstens 10000 tekens.", cut.Find("[role=alert]").TextContent);
        Assert.Equal("Te lang", cut.Find("textarea").GetAttribute("value"));
    }
}
