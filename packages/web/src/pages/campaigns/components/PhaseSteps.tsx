// 行动阶段: the campaign's phases as Steps, the current one highlighted (vertical on a phone).
import { Steps } from 'antd';
import { useNarrowerThan } from '../../../lib/useNarrow';
import { currentPhaseIndex } from '../campaignText';

interface Props {
  phases: { name: string; startDate: string; endDate: string }[];
  currentPhase: string | null;
  today: string;
}

export function PhaseSteps({ phases, currentPhase, today }: Props) {
  const narrow = useNarrowerThan('md');
  if (phases.length === 0) return null;
  const current = currentPhaseIndex(phases, currentPhase, today);
  return (
    <Steps
      className="phase-steps"
      size="small"
      direction={narrow ? 'vertical' : 'horizontal'}
      current={current}
      status={current >= phases.length ? 'finish' : 'process'}
      items={phases.map((p) => ({ title: p.name, description: `${p.startDate.slice(5)} 至 ${p.endDate.slice(5)}` }))}
    />
  );
}
