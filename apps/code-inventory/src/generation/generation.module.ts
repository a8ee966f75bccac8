import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { GenerationController } from './generation.controller';
import { GenerationProcessor } from './generation.processor';
import { generationQueueMetrics } from './generation-queue.metrics';
import { GenerationQueueService } from './generation-queue.service';
import { GenerationRunner } from './generation-runner.service';
import { GenerationService } from './generation.service';

@Module({
  imports: [GroupsModule],
  controllers: [GenerationController],
  providers: [GenerationService, GenerationQueueService, GenerationRunner, GenerationProcessor, generationQueueMetrics],
})
export class GenerationModule {}
