namespace Network.Web.Tests;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/gezinnen/0193a000-0000-7000-8000-00000000f001")]
    [InlineData("/boards/0193a000-0000-7000-8000-00000000b001?x=1#top")]
    [InlineData("/")]
    public void a_path_on_this_site_is_kept(string url) => Assert.Equal(url, ReturnUrls.Local(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\\/evil")]
    [InlineData("\\\\evil")]
    [InlineData("gezinnen")]
    [InlineData("/a\r\nSet-Cookie: x=1")]
    [InlineData("/a\u0001")]
    [InlineData("/Yılmaz")]
    [InlineData("/a b")]
    [InlineData("javascript:alert(1)")]
    [InlineData("~/x")]
    public void anything_else_goes_home(string? url) => Assert.Equal("/", ReturnUrls.Local(url));

    [Fact]
    public void a_very_long_url_goes_home() => Assert.Equal("/", ReturnUrls.Local("/" + new string('a', 5000)));
}
