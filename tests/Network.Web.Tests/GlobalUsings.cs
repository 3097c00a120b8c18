global using System.Globalization;
global using Network.Contracts;
global using Network.Domain.Authorization;
global using Network.Domain.Families;
global using Network.Domain.Items;
global using Network.Domain.Registry;
global using Network.Web.Api;
global using Network.Domain.Plans;
