namespace Network.Web.Tests;

public sealed class ApiProblemTests
{
    [Fact]
    public void a_known_code_is_worded_by_the_catalog_in_the_users_language()
    {
        var problem = new ApiProblem(409, "Weird title", Code: "item.text-too-long", Args: Samples.Args(("max", "10000")));

        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        Assert.Equal("Een tekst heeft hoogstens 10000 tekens.", problem.Message);
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        Assert.Equal("A text has at most 10000 characters.", problem.Message);
    }

    [Fact]
    public void a_hard_rule_names_the_category_and_column_in_words()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        var problem = new ApiProblem(409, null, Code: HardRules.SecretAddressLegalBasisOnly,
            Args: Samples.Args(("category", "SecretAddress"), ("column", "ParentWithAuthority")));

        Assert.Equal("Geweigerd: een geheim adres gaat alleen naar jeugdbeschermer, jeugdreclasseerder of Raad, en alleen op wettelijke grondslag (niet naar ouder met gezag).",
            problem.Message);
    }

    [Fact]
    public void an_unknown_code_falls_back_to_the_title_and_reasons_follow_the_main_text()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

        Assert.Equal("Iets nieuws ging mis.", new ApiProblem(409, "Iets nieuws ging mis.", Code: "something.new").Message);
        Assert.Equal("Dit mag u niet doen. U hoort niet bij het netwerk van dit gezin.",
            new ApiProblem(403, "x", Code: "request.not-allowed", Reasons: [new ReasonView(Reasons.NoStanding, Samples.Args())]).Message);
    }

    [Fact]
    public void validation_errors_are_shown_field_by_field()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        var problem = new ApiProblem(400, "De invoer is niet geldig.", Code: "request.invalid",
            Errors: new Dictionary<string, string[]> { ["Text"] = ["Schrijf een tekst."], ["Reason"] = ["item.reason-required"] });

        Assert.Equal("Schrijf een tekst. Zeg waarom dit onjuist is ingevoerd.", problem.Message);
    }

    [Fact]
    public async Task a_problem_body_is_read_with_its_code_args_reasons_and_duplicates()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.Conflict)
        {
            Content = new StringContent("""
                {"type":"https://network.example/problems/person.likely-duplicate","title":"Deze persoon staat waarschijnlijk al in het register.",
                 "status":409,"code":"person.likely-duplicate","reasons":[{"code":"standing.none","args":{}}],
                 "duplicates":[{"personId":"0193a000-0000-7000-8000-000000000104","visible":false,"name":null,"dateOfBirth":null,"reason":"SimilarNameSameDateOfBirth"}]}
                """, System.Text.Encoding.UTF8, "application/problem+json"),
        };

        var problem = await ApiProblem.ReadAsync(response, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal((409, "person.likely-duplicate"), (problem.Status, problem.Code));
        var duplicate = Assert.Single(problem.Duplicates!);
        Assert.False(duplicate.Visible);
        Assert.Null(duplicate.Name);
        Assert.Equal(DuplicateReason.SimilarNameSameDateOfBirth, duplicate.Reason);
        Assert.Equal(Reasons.NoStanding, Assert.Single(problem.Reasons!).Code);
    }

    [Fact]
    public async Task an_unreadable_problem_body_still_gives_a_message()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("<html>oops</html>", System.Text.Encoding.UTF8, "application/problem+json"),
        };
        CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

        var problem = await ApiProblem.ReadAsync(response, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal("Er ging iets mis. Probeer het opnieuw.", problem.Message);
    }
}
