using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kennisplatform.Content.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsFictional = table.Column<bool>(type: "INTEGER", nullable: false),
                    License = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Neighbourhood = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CbsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: true),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: true),
                    WhatWorked = table.Column<string>(type: "TEXT", nullable: true),
                    WhatDidNotWork = table.Column<string>(type: "TEXT", nullable: true),
                    DoDifferently = table.Column<string>(type: "TEXT", nullable: true),
                    ResidentsRole = table.Column<string>(type: "TEXT", nullable: true),
                    MunicipalityRole = table.Column<string>(type: "TEXT", nullable: true),
                    Partners = table.Column<string>(type: "TEXT", nullable: true),
                    ContactConnectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    Area = table.Column<string>(type: "TEXT", nullable: true),
                    Connects = table.Column<string>(type: "TEXT", nullable: true),
                    AskMeAbout = table.Column<string>(type: "TEXT", nullable: true),
                    Availability = table.Column<string>(type: "TEXT", nullable: true),
                    HasConsent = table.Column<bool>(type: "INTEGER", nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LocationName = table.Column<string>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", nullable: true),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", nullable: true),
                    Registration = table.Column<string>(type: "TEXT", nullable: true),
                    EventStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Harvest = table.Column<string>(type: "TEXT", nullable: true),
                    Perspective = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Maker = table.Column<string>(type: "TEXT", nullable: true),
                    InstrumentUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Aim = table.Column<string>(type: "TEXT", nullable: true),
                    TargetGroup = table.Column<string>(type: "TEXT", nullable: true),
                    Approach = table.Column<string>(type: "TEXT", nullable: true),
                    CoreElements = table.Column<string>(type: "TEXT", nullable: true),
                    Preconditions = table.Column<string>(type: "TEXT", nullable: true),
                    Cost = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EvidenceSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EvidenceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    Needs = table.Column<string>(type: "TEXT", nullable: true),
                    Principle_SortOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    Theme_SortOrder = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Items_Items_ContactConnectorId",
                        column: x => x.ContactConnectorId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Aliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Aliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Aliases_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseInterventions",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    InterventionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseInterventions", x => new { x.CaseId, x.InterventionId });
                    table.ForeignKey(
                        name: "FK_CaseInterventions_Items_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseInterventions_Items_InterventionId",
                        column: x => x.InterventionId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemPrinciples",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrincipleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemPrinciples", x => new { x.ItemId, x.PrincipleId });
                    table.ForeignKey(
                        name: "FK_ItemPrinciples_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemPrinciples_Items_PrincipleId",
                        column: x => x.PrincipleId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemThemes",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemThemes", x => new { x.ItemId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_ItemThemes_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemThemes_Items_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Revisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Revisions_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Aliases_ItemId",
                table: "Aliases",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Aliases_Type_Slug",
                table: "Aliases",
                columns: new[] { "Type", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseInterventions_InterventionId",
                table: "CaseInterventions",
                column: "InterventionId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemPrinciples_PrincipleId",
                table: "ItemPrinciples",
                column: "PrincipleId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ContactConnectorId",
                table: "Items",
                column: "ContactConnectorId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Evidence",
                table: "Items",
                column: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Municipality",
                table: "Items",
                column: "Municipality");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Outcome",
                table: "Items",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_Items_StartsAt",
                table: "Items",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Status_PublishedAt",
                table: "Items",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Type_Slug",
                table: "Items",
                columns: new[] { "Type", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemThemes_ThemeId",
                table: "ItemThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_ItemId_Number",
                table: "Revisions",
                columns: new[] { "ItemId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Aliases");

            migrationBuilder.DropTable(
                name: "CaseInterventions");

            migrationBuilder.DropTable(
                name: "ItemPrinciples");

            migrationBuilder.DropTable(
                name: "ItemThemes");

            migrationBuilder.DropTable(
                name: "Revisions");

            migrationBuilder.DropTable(
                name: "Items");
        }
    }
}
