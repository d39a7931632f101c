import { useMe } from '../../../app/auth';
import { TeamSection } from '../components/TeamSection';

/** 聚力团: every action team with a branch in scope; the 街道 forms teams across its branches here. */
export default function TeamsPage() {
  const me = useMe();
  const keep = me.permissions.includes('star.review') || me.permissions.includes('star.report');
  return <TeamSection canKeep={keep} />;
}
