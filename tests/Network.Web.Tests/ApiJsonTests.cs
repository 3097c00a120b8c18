using System.Text.Json;

namespace Network.Web.Tests;

public sealed class ApiJsonTests
{
    [Fact]
    public void enums_travel_as_names()
    {
        var json = JsonSerializer.Serialize(new PostItemRequest("x", InformationCategory.CourtMeasure, [], AudienceKind.Professionals), ApiJson.Options);

        Assert.Contains("\"category\":\"CourtMeasure\"", json);
        Assert.Contains("\"audience\":\"Professionals\"", json);
    }

    [Fact]
    public void a_name_this_app_does_not_know_yet_reads_as_other_and_the_rest_still_reads()
    {
        const string json = """{"userId":"0193a000-0000-7000-8000-000000000001","name":"Nieuw","role":"Wijkverpleegkundige"}""";

        var reader = JsonSerializer.Deserialize<Reader>(json, ApiJson.Options)!;

        Assert.Equal("Nieuw", reader.Name);
        Assert.False(Enum.IsDefined(reader.Role));
        Assert.Equal("gebruiker", Texts.RoleName(reader.Role));
    }

    [Fact]
    public void a_number_for_an_enum_is_not_taken_as_a_value()
    {
        var cell = JsonSerializer.Deserialize<TableCellView>(
            """{"category":3,"column":"Youth","access":"Read","conditions":["AboutThemself","SomethingNew"]}""", ApiJson.Options)!;

        Assert.False(Enum.IsDefined(cell.Category));
        Assert.Equal(TableColumn.Youth, cell.Column);
        Assert.Equal([TableCondition.AboutThemself, TableCondition.None], cell.Conditions);
    }

    [Fact]
    public void an_unknown_value_in_a_nullable_enum_and_an_object_in_its_place_do_not_break_reading()
    {
        var item = JsonSerializer.Deserialize<PostItemRequest>("""{"text":"x","category":{"odd":true},"audience":"Later"}""", ApiJson.Options)!;

        Assert.Equal("x", item.Text);
        Assert.False(Enum.IsDefined(item.Category!.Value));
        Assert.False(Enum.IsDefined(item.Audience!.Value));
    }
}
