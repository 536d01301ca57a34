import { Inject } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import type { ApiConfig } from '../api-config.js';
import { API_CONFIG } from '../common/tokens.js';
import { ComponentVersionModel } from './models/component-version.model.js';
import { VersionNotes } from './version-notes.js';

@Resolver(() => ComponentVersionModel)
export class ComponentVersionResolver {
  private readonly notesFiles: VersionNotes;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.notesFiles = new VersionNotes(config.catalogDir);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The version’s NOTES.md (Markdown, as written: render it sanitised), from the shipped catalog; null when it has none.',
  })
  // No parameter decorators: Nest calls it directly (see ComponentResolver).
  notes(version: ComponentVersionModel): Promise<string | null> {
    return this.notesFiles.of(version.name, version.version);
  }
}
