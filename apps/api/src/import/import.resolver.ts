import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { ImportPreviewArgs } from './dto/import-preview.args.js';
import { ImportService } from './import.service.js';
import { ImportPreviewModel } from './models/import-preview.model.js';

@Resolver()
export class ImportResolver {
  constructor(private readonly importer: ImportService) {}

  @Query(() => ImportPreviewModel, {
    description:
      'Imports a Compose file, OpenShift Template, CapRover app, Portainer templates or Nulecule file, as `aisle import` does: drafts, app spec and report. Writes nothing.',
  })
  async importPreview(@Args() args: ImportPreviewArgs, @Context() ctx: RequestContext): Promise<ImportPreviewModel> {
    return this.importer.preview(ctx.viewer, ctx.versions, args.text, args.format ?? undefined, ctx.budget);
  }
}
